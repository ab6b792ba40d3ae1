namespace Flick.Api.Auth;

/// <summary>Authorization policies: one per role, satisfied by that role or a higher one.</summary>
public static class ApiPolicies
{
    public const string Viewer = "flick-viewer";
    public const string Operator = "flick-operator";
    public const string Admin = "flick-admin";
}
