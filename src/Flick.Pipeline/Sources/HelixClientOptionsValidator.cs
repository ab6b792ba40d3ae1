using Microsoft.Extensions.Options;

namespace Flick.Pipeline.Sources;

/// <summary>Runs <see cref="HelixClientOptions.Validate"/> when the options are first read (or at start with ValidateOnStart).</summary>
public sealed class HelixClientOptionsValidator : IValidateOptions<HelixClientOptions>
{
    public ValidateOptionsResult Validate(string? name, HelixClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
