namespace Flick.Core.Ports;

/// <summary>
/// A source has only one of its two credentials (client id, access token). Pulling with half a pair would send
/// requests that fail far from the cause, so the credential store refuses to answer instead.
/// </summary>
public sealed class IncompleteSourceCredentialsException : InvalidOperationException
{
    public IncompleteSourceCredentialsException(string source, string missing)
        : base($"Source '{source}' has only half of its credentials: {missing} is missing.")
    {
        SourceName = source;
        Missing = missing;
    }

    public IncompleteSourceCredentialsException()
        : this("(unknown)", "a part")
    {
    }

    public IncompleteSourceCredentialsException(string message)
        : base(message)
    {
        SourceName = "(unknown)";
        Missing = "a part";
    }

    public IncompleteSourceCredentialsException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = "(unknown)";
        Missing = "a part";
    }

    /// <summary>The source whose credentials are incomplete.</summary>
    public string SourceName { get; }

    /// <summary>What is missing: the name of the absent parameter or setting.</summary>
    public string Missing { get; }
}
