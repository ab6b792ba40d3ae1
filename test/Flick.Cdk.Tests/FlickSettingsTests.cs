using Amazon.CDK;

namespace Flick.Cdk.Tests;

public sealed class FlickSettingsTests
{
    private static readonly string Root = FlickSettings.FindRepositoryRoot(AppContext.BaseDirectory);

    [Fact]
    public void FromContext_ReadsTheStageSourcesAndSwitches()
    {
        var app = new App(new AppProps
        {
            Context = new Dictionary<string, object>
            {
                ["stage"] = "prod",
                ["sources"] = "twitch, kick",
                ["notifications"] = "false",
                ["allowPlaceholderPackage"] = "true",
            },
        });
        var settings = FlickSettings.FromContext(app, Root);
        settings.Stage.ShouldBe("prod");
        settings.Sources.ShouldBe(["twitch", "kick"]);
        settings.NotificationsEnabled.ShouldBeFalse();
        settings.AllowPlaceholderPackage.ShouldBeTrue();
        settings.RepositoryRoot.ShouldBe(Root);
        settings.StackName("Storage").ShouldBe("Flick-prod-Storage");
    }

    [Fact]
    public void Validate_ListsEveryProblemAtOnce()
    {
        var settings = new FlickSettings { Stage = "Prod_1", RepositoryRoot = Root, Sources = ["ok", "Bad Name", "ok"], PullSchedule = "every minute" };
        var error = Should.Throw<InvalidOperationException>(settings.Validate);
        error.Message.ShouldContain("stage 'Prod_1'");
        error.Message.ShouldContain("source 'Bad Name'");
        error.Message.ShouldContain("must not repeat");
        error.Message.ShouldContain("pullSchedule 'every minute'");
    }

    [Fact]
    public void AMissingLambdaPackage_WithoutThePlaceholderSwitch_SaysHowToBuildIt()
    {
        var settings = new FlickSettings { Stage = "dev", RepositoryRoot = Root, LambdaPackage = "/nonexistent/flick-bootstrap-arm64.zip" };
        var error = Should.Throw<InvalidOperationException>(() => LambdaPackage.Resolve(settings));
        error.Message.ShouldContain("./scripts/build.sh");
        error.Message.ShouldContain("allowPlaceholderPackage=true");
    }

    [Fact]
    public void FindRepositoryRoot_FailsClearlyOutsideTheRepository()
    {
        Should.Throw<InvalidOperationException>(() => FlickSettings.FindRepositoryRoot("/")).Message.ShouldContain("Flick.sln");
    }
}
