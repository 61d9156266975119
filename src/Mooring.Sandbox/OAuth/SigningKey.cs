using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Mooring.Sandbox.OAuth;

/// <summary>
/// The generic server's RS256 key: published as a JWK set, used to sign OpenID Connect ID tokens.
/// Made on first use, so sandboxes that never issue an ID token do not pay for RSA key generation.
/// </summary>
internal sealed class SigningKey : IDisposable
{
    private readonly Lazy<RSA> _rsa = new(() => RSA.Create(2048));

    public string KeyId { get; } = TokenFormats.Random(16);

    public JsonObject Jwks()
    {
        var p = _rsa.Value.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = KeyId,
                ["n"] = Base64Url.EncodeToString(p.Modulus),
                ["e"] = Base64Url.EncodeToString(p.Exponent),
            }),
        };
    }

    public string Sign(JsonObject claims)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId };
        var input = Part(header) + "." + Part(claims);
        var signature = _rsa.Value.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url.EncodeToString(signature);
    }

    public void Dispose()
    {
        if (_rsa.IsValueCreated)
        {
            _rsa.Value.Dispose();
        }
    }

    private static string Part(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
