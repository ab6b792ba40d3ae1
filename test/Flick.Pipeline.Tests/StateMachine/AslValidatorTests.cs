using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Flick.Pipeline.Tests.StateMachine;

// Runs the asl-validator npm package (pinned in the repository's package.json) on the definition, as
// the deployment would see it: with its placeholders replaced by real-looking ARNs.
public sealed class AslValidatorTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "flick-asl-" + Guid.NewGuid().ToString("N"));

    public AslValidatorTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task AslValidator_WhenGivenTheSubstitutedDefinition_ShouldAcceptIt()
    {
        var (exitCode, output) = await ValidateAsync(PipelineDefinitionFixture.Substituted());
        exitCode.ShouldBe(0, output);
    }

    [Fact]
    public async Task AslValidator_WhenANextTargetIsMissing_ShouldRejectIt()
    {
        var broken = PipelineDefinitionFixture.Parsed();
        broken["States"]!["Finalize"]!["Next"] = "NoSuchState";

        var (exitCode, output) = await ValidateAsync(broken.ToJsonString());

        exitCode.ShouldNotBe(0, output);
        output.ShouldContain("NoSuchState");
    }

    [Fact]
    public async Task AslValidator_WhenAStateHasAnUnknownType_ShouldRejectIt()
    {
        var broken = PipelineDefinitionFixture.Parsed();
        broken["States"]!["ShouldNotifyReady"]!["Type"] = "Decide";

        var (exitCode, output) = await ValidateAsync(broken.ToJsonString());

        exitCode.ShouldNotBe(0, output);
    }

    private async Task<(int ExitCode, string Output)> ValidateAsync(string definition)
    {
        var validator = Path.Combine(PipelineDefinitionFixture.RepositoryRoot(), "node_modules", ".bin", "asl-validator");
        File.Exists(validator).ShouldBeTrue($"{validator} is missing: run `npm ci` at the repository root to install the pinned asl-validator.");

        var file = Path.Combine(_directory, $"definition-{Guid.NewGuid():N}.asl.json");
        await File.WriteAllTextAsync(file, definition);
        var start = new ProcessStartInfo(validator)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--json-path");
        start.ArgumentList.Add(file);

        using var process = Process.Start(start).ShouldNotBeNull();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, $"asl-validator said: {await stdout}{await stderr}");
    }
}
