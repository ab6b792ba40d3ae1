namespace Flick.Api.Options;

/// <summary>Where bearer tokens come from.</summary>
public enum ApiAuthMode
{
    /// <summary>Flick issues its own tokens (one machine): users and roles live in <see cref="Users.IUserStore"/>.</summary>
    Local,

    /// <summary>Tokens are Cognito's (AWS): the <c>cognito:groups</c> claim carries the roles.</summary>
    Cognito,
}
