using Flick.Core.Ports;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <summary>
/// The behaviour every <see cref="ISourceCredentials"/> adapter has; run once per adapter: credentials come
/// back exactly as stored, a source with none needs none (null), and a source with only half a pair is a
/// <see cref="IncompleteSourceCredentialsException"/> naming what is missing, never a half-authenticated pull.
/// </summary>
public abstract class SourceCredentialsContract
{
    /// <summary>The adapter over a store holding these credentials (a null part is not stored at all).</summary>
    protected abstract Task<ISourceCredentials> CreateAsync(IReadOnlyList<StoredCredential> stored);

    [Fact]
    public async Task GetAsync_WhenBothPartsAreStored_ShouldReturnThemExactlyAsStored()
    {
        var credentials = await CreateAsync([new("helix", "wbmytr93xzw8zbg0p1izqyzzc5mbiz", "2gbdx6oar67tqtcmt49t3wpcgycthx/+=Ü")]);

        (await credentials.GetAsync("helix", CancellationToken.None))
            .ShouldBe(new SourceCredential("wbmytr93xzw8zbg0p1izqyzzc5mbiz", "2gbdx6oar67tqtcmt49t3wpcgycthx/+=Ü"));
    }

    [Fact]
    public async Task GetAsync_WhenSourcesDiffer_ShouldReturnEachItsOwn()
    {
        var credentials = await CreateAsync([new("helix", "id-a", "token-a"), new("helix-eu", "id-b", "token-b")]);

        (await credentials.GetAsync("helix-eu", CancellationToken.None)).ShouldBe(new SourceCredential("id-b", "token-b"));
        (await credentials.GetAsync("helix", CancellationToken.None)).ShouldBe(new SourceCredential("id-a", "token-a"));
    }

    [Fact]
    public async Task GetAsync_WhenTheSourceHasNoCredentials_ShouldReturnNull()
    {
        var credentials = await CreateAsync([new("helix", "id-a", "token-a")]);

        (await credentials.GetAsync("simulator", CancellationToken.None)).ShouldBeNull();
    }

    [Theory]
    [InlineData("client id", null, "token-a")]
    [InlineData("token", "id-a", null)]
    public async Task GetAsync_WhenOnlyHalfThePairIsStored_ShouldThrowTheTypedErrorNamingTheSourceAndTheMissingPart(string missing, string? clientId, string? token)
    {
        var credentials = await CreateAsync([new("helix", clientId, token)]);

        var exception = await Should.ThrowAsync<IncompleteSourceCredentialsException>(() => credentials.GetAsync("helix", CancellationToken.None));

        exception.SourceName.ShouldBe("helix");
        exception.Message.ShouldContain("helix");
        exception.Message.ShouldContain(missing == "token" ? "token" : "client");
    }
}

/// <summary>What a credential store holds for a source; a null part is absent.</summary>
public sealed record StoredCredential(string Source, string? ClientId, string? Token);
