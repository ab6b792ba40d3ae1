namespace Flick.Deploy.Tests.Workflows;

// Checks the GitHub workflow files against GitHub's schema with action-validator (the npm package
// @action-validator/cli, pinned in package-lock.json), run from the repository root so that the
// path globs a workflow names are checked against the real tree.
public sealed class WorkflowValidationTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "flick-workflows-" + Guid.NewGuid().ToString("N"));

    public WorkflowValidationTests() => Directory.CreateDirectory(_scratch);

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    public static TheoryData<string> WorkflowFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.Path(".github", "workflows")).Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        return files;
    }

    [Fact]
    public void Repository_ShouldHaveTheCiAndDeployWorkflows()
    {
        Directory.EnumerateFiles(Repository.Path(".github", "workflows")).Select(Path.GetFileName)
            .ShouldBe(["ci.yml", "deploy.yml"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public async Task Workflow_ShouldMatchGitHubsSchema(string file)
    {
        var run = await ValidateAsync(Repository.Path(".github", "workflows", file));

        run.ExitCode.ShouldBe(0, $"action-validator rejected {file}:\n{run.Output}");
    }

    [Fact]
    public async Task Validator_WhenAJobHasAMisspelledKey_ShouldRejectTheWorkflow()
    {
        var broken = Path.Combine(_scratch, "broken.yml");
        await File.WriteAllTextAsync(broken, """
            name: broken
            on: push
            jobs:
              build:
                runs-on: ubuntu-24.04
                step:
                  - run: echo the key is 'steps'
            """);

        var run = await ValidateAsync(broken);

        run.ExitCode.ShouldNotBe(0, run.Output);
        run.Output.ShouldContain("Additional property 'step' is not allowed");
    }

    private static Task<ToolRun> ValidateAsync(string file) =>
        ToolRun.RunAsync(Repository.NodeTool("action-validator"), [file], Repository.Root, null, TimeSpan.FromMinutes(2));
}
