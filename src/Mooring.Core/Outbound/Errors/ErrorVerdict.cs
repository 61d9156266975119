namespace Mooring.Outbound.Errors;

/// <summary>
/// What a failed answer says: its category, whether the provider declares its code an expired access token, and whether
/// its message names a limit of the whole connection.
/// </summary>
/// <param name="Category">The failure's category.</param>
/// <param name="TokenExpired">The code is one of the provider's <see cref="Providers.ErrorShape.ExpiredTokenCodes"/>: a refresh may cure it.</param>
/// <param name="LimitsConnection">
/// The message holds one of the provider's <see cref="Providers.RateLimitPolicy.LimitedMessages"/> (GitHub's secondary
/// limits): the connection as a whole is limited, not one endpoint.
/// </param>
internal readonly record struct ErrorVerdict(ProviderErrorCategory Category, bool TokenExpired, bool LimitsConnection = false);
