using Flick.Aws.Lambda;

namespace Flick.Aws.Tests.Lambda;

/// <summary>The Native AOT <c>bootstrap</c> itself, started as Lambda starts it, against the loopback Runtime API.</summary>
[Trait("Category", "Integration")]
public class BootstrapProcessTests(BootstrapPublishFixture bootstrap) : IClassFixture<BootstrapPublishFixture>
{
    [Fact]
    public async Task Bootstrap_WhenHandlerIsNotAFlickFunction_ShouldPostInitErrorListingTheFunctionsAndExit()
    {
        await using var api = LoopbackRuntimeApi.Start();
        using var process = Start(api, "no-such-function");

        var initError = await api.InitErrorAsync();

        initError.ErrorTypeHeader.ShouldBe("ArgumentException");
        initError.ErrorMessage.ShouldContain("'no-such-function' is not a Flick function");
        initError.ErrorMessage.ShouldContain("background-starter");
        (await process.ExitCodeAsync()).ShouldBe(LambdaExitCodes.InitFailed);
        api.NextRequests.ShouldBe(0);
        var fatal = (await process.StdoutDocumentsAsync()).Single(d => d.GetProperty("level").GetString() == "FATAL");
        fatal.GetProperty("function").GetString().ShouldBe("no-such-function");
        fatal.GetProperty("errorType").GetString().ShouldBe("ArgumentException");
    }

    // Until the AWS adapters are composed into the bootstrap (LambdaComposition.AddAwsAdapters), no
    // pipeline function can be built: the host must say so as an init error naming the missing port.
    // Once they are, this test gives way to the Background Starter's poison batch against the emulators.
    [Fact]
    public async Task Bootstrap_WhenTheFunctionsPortsAreNotRegistered_ShouldPostInitErrorNamingTheMissingService()
    {
        await using var api = LoopbackRuntimeApi.Start();
        using var process = Start(api, "background-starter");

        var initError = await api.InitErrorAsync();

        initError.ErrorType.ShouldBe("InvalidOperationException");
        initError.ErrorMessage.ShouldStartWith("the function 'background-starter' could not be built from its services: ");
        initError.ErrorMessage.ShouldContain("Flick.Core.Ports.");
        (await process.ExitCodeAsync()).ShouldBe(LambdaExitCodes.InitFailed);
    }

    [Fact]
    public async Task Bootstrap_WhenStartedOutsideLambda_ShouldSaySoAndExit()
    {
        using var process = new BootstrapProcess(bootstrap.Executable, new Dictionary<string, string?>());

        (await process.ExitCodeAsync()).ShouldBe(LambdaExitCodes.NotInLambda);
        (await process.StderrAsync()).ShouldContain("AWS_LAMBDA_RUNTIME_API is not set");
    }

    private BootstrapProcess Start(LoopbackRuntimeApi api, string handler) =>
        new(bootstrap.Executable, new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = api.Address,
            ["_HANDLER"] = handler,
            ["AWS_LAMBDA_FUNCTION_NAME"] = "flick-test-" + handler,
        });
}
