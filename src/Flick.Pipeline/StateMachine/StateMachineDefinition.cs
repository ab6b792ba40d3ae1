using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Flick.Pipeline.StateMachine;

/// <summary>
/// The pipeline's Amazon States Language definition, shipped inside this assembly so that the
/// infrastructure deploys, and Flick.Local executes, exactly the same file.
/// </summary>
public static partial class StateMachineDefinition
{
    /// <summary>The embedded resource's logical name (see the project file).</summary>
    public const string ResourceName = "flick-pipeline.asl.json";

    /// <summary>The placeholders the definition uses, in the CDK <c>DefinitionSubstitutions</c> form <c>${Name}</c>.</summary>
    public static IReadOnlyList<string> PlaceholderNames { get; } =
    [
        "PrepareFunctionArn", "ViewersFunctionArn", "ChannelFunctionArn", "RankingsFunctionArn",
        "FinalizeFunctionArn", "FailureFunctionArn", "EventBusName",
    ];

    /// <summary>Reads the definition, placeholders included.</summary>
    public static string Load()
    {
        using var stream = typeof(StateMachineDefinition).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(StateMachineDefinition).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Replaces every <c>${Name}</c> with its value, as CloudFormation does with
    /// <c>DefinitionSubstitutions</c>. A placeholder without a value is an error rather than a
    /// definition that fails later with a confusing Resource such as <c>${PrepareFunctionArn}</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Some placeholders have no substitution.</exception>
    public static string Substitute(string definition, IReadOnlyDictionary<string, string> substitutions)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(substitutions);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var result = Placeholder().Replace(definition, match =>
        {
            var name = match.Groups["name"].Value;
            if (substitutions.TryGetValue(name, out var value))
            {
                // The value lands inside a JSON string: escape it so an odd value cannot break the document.
                return JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
            }

            missing.Add(name);
            return match.Value;
        });
        return missing.Count == 0
            ? result
            : throw new InvalidOperationException(
                $"The state machine definition has placeholders without a substitution: {string.Join(", ", missing.Select(n => "${" + n + "}"))}.");
    }

    /// <summary>The placeholder names that occur in <paramref name="definition"/>, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> FindPlaceholders(string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Placeholder().Matches(definition).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
