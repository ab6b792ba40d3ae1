namespace Flick.Local.Tests.StateMachine;

/// <summary>Builds small definitions; single quotes stand for double quotes to keep the JSON readable in C#.</summary>
internal static class Asl
{
    public static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');

    /// <summary>A definition whose StartAt is the first of <paramref name="statesSingleQuoted"/>.</summary>
    public static string Machine(string startAt, string statesSingleQuoted) =>
        Json($$"""{ 'StartAt': '{{startAt}}', 'States': { {{statesSingleQuoted}} } }""");
}
