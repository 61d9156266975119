namespace Mooring.Outbound.Errors;

/// <summary>What a failed answer says: its category, and whether the provider declares its code an expired access token.</summary>
/// <param name="Category">The failure's category.</param>
/// <param name="TokenExpired">The code is one of the provider's <see cref="Providers.ErrorShape.ExpiredTokenCodes"/>: a refresh may cure it.</param>
internal readonly record struct ErrorVerdict(ProviderErrorCategory Category, bool TokenExpired);
