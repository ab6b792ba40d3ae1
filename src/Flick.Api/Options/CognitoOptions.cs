namespace Flick.Api.Options;

/// <summary>A Cognito user pool whose tokens the API accepts.</summary>
public sealed class CognitoOptions
{
    /// <summary>The pool's issuer, <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The app client id: the <c>aud</c> of ID tokens and the <c>client_id</c> of access tokens.</summary>
    public string? Audience { get; set; }

    /// <summary>Whether the discovery document and keys must come over HTTPS (Cognito's do); off only for an issuer on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
