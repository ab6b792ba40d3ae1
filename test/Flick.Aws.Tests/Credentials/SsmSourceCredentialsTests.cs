using Flick.Aws.Credentials;
using Flick.Core.Ports;
using Microsoft.Extensions.Time.Testing;

namespace Flick.Aws.Tests.Credentials;

public sealed class SsmSourceCredentialsTests : IDisposable
{
    private readonly ScriptedSsm _ssm = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ParameterNames_WhenAStageAndSource_ShouldFollowTheDocumentedLayout()
    {
        var options = new SsmSourceCredentialsOptions { Stage = "prod" };

        options.ClientIdName("helix").ShouldBe("/flick/prod/sources/helix/client-id");
        options.TokenName("helix").ShouldBe("/flick/prod/sources/helix/token");
        (options with { Root = "/other" }).TokenName("helix").ShouldBe("/other/prod/sources/helix/token");
    }

    [Fact]
    public async Task GetAsync_WhenBothParametersExist_ShouldReadThemDecryptedWithGetParameter()
    {
        _ssm.Put("/flick/prod/sources/helix/client-id", "client-123");
        _ssm.Put("/flick/prod/sources/helix/token", "token-456");

        var credential = await Credentials().GetAsync("helix", CancellationToken.None);

        credential.ShouldBe(new SourceCredential("client-123", "token-456"));
        _ssm.Calls.ShouldBe(
        [
            new SsmCall("AmazonSSM.GetParameter", "application/x-amz-json-1.1", "/flick/prod/sources/helix/client-id", WithDecryption: true),
            new SsmCall("AmazonSSM.GetParameter", "application/x-amz-json-1.1", "/flick/prod/sources/helix/token", WithDecryption: true),
        ]);
    }

    [Fact]
    public async Task GetAsync_WhenNeitherParameterExists_ShouldReturnNull()
    {
        (await Credentials().GetAsync("simulator", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task GetAsync_WhenOnlyOneParameterExists_ShouldThrowNamingTheMissingOne()
    {
        _ssm.Put("/flick/prod/sources/helix/client-id", "client-123");

        var exception = await Should.ThrowAsync<InvalidOperationException>(() => Credentials().GetAsync("helix", CancellationToken.None));

        exception.Message.ShouldContain("/flick/prod/sources/helix/token");
    }

    [Fact]
    public async Task GetAsync_WhenAskedAgainWithinTheTtl_ShouldAnswerFromTheCache()
    {
        _ssm.Put("/flick/prod/sources/helix/client-id", "client-123");
        _ssm.Put("/flick/prod/sources/helix/token", "token-456");
        var credentials = Credentials();

        await credentials.GetAsync("helix", CancellationToken.None);
        _ssm.Put("/flick/prod/sources/helix/token", "token-rotated");
        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var cached = await credentials.GetAsync("helix", CancellationToken.None);

        cached!.AccessToken.ShouldBe("token-456");
        _ssm.Calls.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetAsync_WhenTheTtlHasPassed_ShouldReadTheParametersAgain()
    {
        _ssm.Put("/flick/prod/sources/helix/client-id", "client-123");
        _ssm.Put("/flick/prod/sources/helix/token", "token-456");
        var credentials = Credentials();

        await credentials.GetAsync("helix", CancellationToken.None);
        _ssm.Put("/flick/prod/sources/helix/token", "token-rotated");
        _time.Advance(TimeSpan.FromMinutes(5));
        var refreshed = await credentials.GetAsync("helix", CancellationToken.None);

        refreshed!.AccessToken.ShouldBe("token-rotated");
        _ssm.Calls.Count.ShouldBe(4);
    }

    [Fact]
    public async Task GetAsync_WhenASourceHasNoCredentials_ShouldCacheTheAbsenceToo()
    {
        var credentials = Credentials();

        await credentials.GetAsync("simulator", CancellationToken.None);
        await credentials.GetAsync("simulator", CancellationToken.None);

        _ssm.Calls.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("../helix")]
    [InlineData("he lix")]
    [InlineData("")]
    public async Task GetAsync_WhenTheSourceNameCannotBeAParameterSegment_ShouldThrow(string source)
    {
        await Should.ThrowAsync<ArgumentException>(() => Credentials().GetAsync(source, CancellationToken.None));

        _ssm.Calls.ShouldBeEmpty();
    }

    public void Dispose() => _ssm.Dispose();

    private SsmSourceCredentials Credentials() =>
        new(_ssm.CreateClient(), new SsmSourceCredentialsOptions { Stage = "prod", CacheTtl = TimeSpan.FromMinutes(5) }, _time);
}
