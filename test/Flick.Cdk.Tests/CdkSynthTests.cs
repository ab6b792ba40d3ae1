using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Flick.Cdk.Tests;

/// <summary>
/// <c>cdk synth</c> with the CLI pinned in package-lock.json (node_modules, from <c>npm ci</c>), offline:
/// a dummy account and region, no version check, no notices, the placeholder Lambda package, into a
/// temporary folder. It runs the built app rather than <c>dotnet run</c>, so it does not rebuild.
/// </summary>
[Trait("Category", "Synth")]
public sealed class CdkSynthTests
{
    // It takes well under a minute on an idle two-core machine; the limit only stops a hung CLI.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task CdkSynth_WithThePinnedCli_WritesTheFourStacks()
    {
        var root = FlickSettings.FindRepositoryRoot(AppContext.BaseDirectory);
        var cli = Path.Combine(root, "node_modules", ".bin", "cdk");
        File.Exists(cli).ShouldBeTrue($"{cli} is missing: run `npm ci` at the repository root (scripts/test.sh does)");
        var cliVersion = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "node_modules", "aws-cdk", "package.json")))!["version"]!.ToString();
        cliVersion.ShouldBe("2.1034.0");

        var appDll = Path.Combine(AppContext.BaseDirectory, "Flick.Cdk.dll");
        File.Exists(appDll).ShouldBeTrue();
        var output = Directory.CreateTempSubdirectory("flick-cdk-synth-").FullName;
        try
        {
            var start = new ProcessStartInfo(cli)
            {
                WorkingDirectory = Path.Combine(root, "cdk"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                "synth", "--app", $"dotnet \"{appDll}\"", "--output", Path.Combine(output, "cdk.out"), "--no-notices", "--no-version-reporting",
                "--quiet", "-c", "stage=ci", "-c", "allowPlaceholderPackage=true", "-c", $"lambdaPackage={Path.Combine(output, "none.zip")}",
            })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["CDK_DEFAULT_ACCOUNT"] = "123456789012";
            start.Environment["CDK_DEFAULT_REGION"] = "us-east-1";
            start.Environment["CDK_DISABLE_VERSION_CHECK"] = "1";
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            // No credentials and no profile: synth must not need them.
            start.Environment["AWS_ACCESS_KEY_ID"] = null;
            start.Environment["AWS_SECRET_ACCESS_KEY"] = null;
            start.Environment["AWS_PROFILE"] = null;
            start.Environment["HOME"] = output;

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new ShouldAssertException($"cdk synth did not finish within {Limit}: {await stderr}");
            }

            process.ExitCode.ShouldBe(0, $"cdk synth failed:\n{await stdout}\n{await stderr}");
            foreach (var part in new[] { "Storage", "Pipeline", "Api", "Monitoring" })
            {
                var file = Path.Combine(output, "cdk.out", $"Flick-ci-{part}.template.json");
                File.Exists(file).ShouldBeTrue(file);
                JsonNode.Parse(await File.ReadAllTextAsync(file))!["Resources"]!.AsObject().Count.ShouldBeGreaterThan(0, part);
            }

            var pipeline = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "cdk.out", "Flick-ci-Pipeline.template.json")))!;
            pipeline["Resources"]!.AsObject().Count(r => (string?)r.Value!["Type"] == "AWS::Lambda::Function").ShouldBe(9);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
