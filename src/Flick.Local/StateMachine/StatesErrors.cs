namespace Flick.Local.StateMachine;

/// <summary>The predefined error names of the Amazon States Language that the executor raises or matches.</summary>
public static class StatesErrors
{
    /// <summary>Wildcard for every error except <see cref="Runtime"/> and <see cref="DataLimitExceeded"/>.</summary>
    public const string All = "States.ALL";

    /// <summary>Wildcard for every error <see cref="All"/> matches except <see cref="Timeout"/>.</summary>
    public const string TaskFailed = "States.TaskFailed";

    public const string Timeout = "States.Timeout";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string BranchFailed = "States.BranchFailed";
    public const string DataLimitExceeded = "States.DataLimitExceeded";

    /// <summary>
    /// Path and data errors: a path that selects nothing, an ItemsPath that is not an array, a
    /// ResultPath that cannot be applied. The specification names some of these
    /// <c>States.ParameterPathFailure</c> and <c>States.ResultPathMatchFailure</c>, but AWS reports
    /// them as <c>States.Runtime</c>, which no retrier or catcher matches, and so does this executor.
    /// </summary>
    public const string Runtime = "States.Runtime";

    /// <summary>True when <see cref="All"/> can match <paramref name="error"/>.</summary>
    public static bool IsCatchable(string error) => error is not (Runtime or DataLimitExceeded);
}
