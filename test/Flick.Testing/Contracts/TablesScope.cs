namespace Flick.Testing.Contracts;

/// <summary>
/// Names unique to one test. An adapter may share its tables between the tests of a class (creating
/// DynamoDB tables takes a while), so every contract test writes under names of its own.
/// </summary>
public static class TablesScope
{
    /// <summary>A valid series id (lower-case letters, digits, dashes) that no other test uses.</summary>
    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];
}
