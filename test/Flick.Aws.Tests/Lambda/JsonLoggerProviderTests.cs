using System.Globalization;
using System.Text.Json;
using Flick.Aws.Lambda;
using Microsoft.Extensions.Logging;

namespace Flick.Aws.Tests.Lambda;

[Collection(HostCollection.Name)]
public class JsonLoggerProviderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Log_WhenInsideAnInvocation_ShouldWriteOneJsonLineWithTheRequestId()
    {
        await using var run = HostHarness.Start(host =>
        {
            var logger = host.LoggerProvider.CreateLogger("Flick.Pipeline.Test");
            return async (_, _, _) =>
            {
                await Task.Yield();
                logger.LogInformation("Ingested {Key}: {Slots} slots", "uploads/a.json", 2);
                return "{}";
            };
        });

        var id = run.Api.Enqueue("{}", Timeout, "Root=1-x-y");
        await run.Api.OutcomeAsync(id);

        var line = run.Output.Documents.Single(d => d.TryGetProperty("message", out var m) && m.GetString()!.StartsWith("Ingested", StringComparison.Ordinal));
        line.GetProperty("message").GetString().ShouldBe("Ingested uploads/a.json: 2 slots");
        line.GetProperty("level").GetString().ShouldBe("INFO");
        line.GetProperty("requestId").GetString().ShouldBe(id);
        line.GetProperty("traceId").GetString().ShouldBe("Root=1-x-y");
        line.GetProperty("function").GetString().ShouldBe(HostHarness.FunctionName);
        line.GetProperty("logger").GetString().ShouldBe("Flick.Pipeline.Test");
        line.GetProperty("Key").GetString().ShouldBe("uploads/a.json");
        line.GetProperty("Slots").GetInt32().ShouldBe(2);
        DateTimeOffset.TryParseExact(line.GetProperty("timestamp").GetString(), "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            .ShouldBeTrue();
    }

    [Fact]
    public async Task Log_WhenInvocationFails_ShouldWriteAnErrorLineWithTheExceptionAndRequestId()
    {
        await using var run = HostHarness.Start((_, _, _) => throw new FormatException("slot '10:6' is not a minute"));

        var id = run.Api.Enqueue("{}", Timeout);
        await run.Api.OutcomeAsync(id);

        var line = run.Output.Documents.Single(d => d.TryGetProperty("level", out var l) && l.GetString() == "ERROR");
        line.GetProperty("requestId").GetString().ShouldBe(id);
        line.GetProperty("errorType").GetString().ShouldBe("FormatException");
        line.GetProperty("errorMessage").GetString().ShouldBe("slot '10:6' is not a minute");
        line.GetProperty("stackTrace").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public void Log_WhenOutsideAnInvocation_ShouldHaveNoRequestId()
    {
        var output = new CapturedLinesStream();
        using var provider = new JsonLoggerProvider(new LambdaOutput(output), "prepare", LogLevel.Information);

        provider.CreateLogger("init").LogWarning("Cold start with {Function} of {Count}", "other", 1);

        var line = output.Documents.Single();
        line.GetProperty("level").GetString().ShouldBe("WARN");
        line.TryGetProperty("requestId", out _).ShouldBeFalse();
        line.GetProperty("function").GetString().ShouldBe("prepare");
        // A template value named like a field of the line itself keeps its value under another name.
        line.GetProperty("_Function").GetString().ShouldBe("other");
    }

    [Fact]
    public void Log_WhenBelowTheMinimumLevel_ShouldWriteNothing()
    {
        var output = new CapturedLinesStream();
        using var provider = new JsonLoggerProvider(new LambdaOutput(output), "prepare", LogLevel.Warning);

        var logger = provider.CreateLogger("x");
        logger.LogInformation("quiet");
        logger.LogError("loud");

        output.Documents.Select(d => d.GetProperty("message").GetString()).ShouldBe(["loud"]);
    }

    [Theory]
    [InlineData("DEBUG", LogLevel.Debug)]
    [InlineData("warn", LogLevel.Warning)]
    [InlineData("FATAL", LogLevel.Critical)]
    [InlineData(null, LogLevel.Information)]
    [InlineData("verbose", LogLevel.Information)]
    public void Parse_ShouldReadLambdasLogLevelNames(string? name, LogLevel expected) =>
        LambdaLogLevels.Parse(name).ShouldBe(expected);
}
