using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Flick.Core.Domain;

namespace Flick.Aws.Tables;

/// <summary>
/// Builds and reads attribute values by hand: the object-persistence model of the SDK maps types by
/// reflection, which trimming and Native AOT do not allow.
/// </summary>
internal static class Attr
{
    /// <summary>ISO 8601 UTC with seven fraction digits: exact for DateTimeOffset and sortable as text.</summary>
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Bool(bool value) => new() { BOOL = value };

    public static AttributeValue Ss(IEnumerable<string> values) => new() { SS = [.. values] };

    public static AttributeValue M(Dictionary<string, AttributeValue> map) => new() { M = map };

    public static AttributeValue L(List<AttributeValue> list) => new() { L = list };

    public static AttributeValue Time(DateTimeOffset value) => S(Text(value));

    public static AttributeValue Slot(Slot slot) => S(slot.ToString());

    public static string Text(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>The key of a table with the composed (pk, sk) pair.</summary>
    public static Dictionary<string, AttributeValue> Key(string partition, string sort) => new(StringComparer.Ordinal)
    {
        [DynamoTableDefinitions.PartitionKey] = S(partition),
        [DynamoTableDefinitions.SortKey] = S(sort),
    };

    /// <summary>
    /// Refuses a series id that could not be told apart inside a composed key ('#' separates the
    /// parts); the pipeline's series ids (<c>[a-z0-9-]</c>) never contain it.
    /// </summary>
    public static void ThrowIfNotKeyPart(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{value}' cannot be part of a table key: it contains '#'", name);
        }
    }

    public static string GetS(this Dictionary<string, AttributeValue> item, string name) =>
        item.GetOptionalS(name) ?? throw Missing(name);

    public static string? GetOptionalS(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    public static long GetN(this Dictionary<string, AttributeValue> item, string name) =>
        item.GetOptionalN(name) ?? throw Missing(name);

    public static long? GetOptionalN(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } n ? long.Parse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    public static int GetInt(this Dictionary<string, AttributeValue> item, string name) => checked((int)item.GetN(name));

    public static bool GetBool(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.BOOL is { } b ? b : throw Missing(name);

    public static DateTimeOffset GetTime(this Dictionary<string, AttributeValue> item, string name) => ParseTime(item.GetS(name));

    public static DateTimeOffset? GetOptionalTime(this Dictionary<string, AttributeValue> item, string name) =>
        item.GetOptionalS(name) is { } text ? ParseTime(text) : null;

    public static Slot GetSlot(this Dictionary<string, AttributeValue> item, string name) => Core.Domain.Slot.Parse(item.GetS(name));

    public static List<string> GetSs(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.SS is { } set ? set : [];

    public static List<AttributeValue> GetL(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.L is { } list ? list : throw Missing(name);

    public static Dictionary<string, AttributeValue> GetM(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.M is { } map ? map : throw Missing(name);

    /// <summary>Sets <paramref name="name"/> only when there is a value: the attribute's absence stands for null.</summary>
    public static void SetOptional(this Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = S(value);
        }
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static InvalidDataException Missing(string name) => new($"the stored item has no valid attribute '{name}'");
}
