using Flick.Core.Domain;

namespace Flick.Core.Tests.Semantics;

internal static class Fixtures
{
    public static readonly DateTimeOffset Ten = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static Observation Obs(string user, int viewers, string game, int second, int minute = 0, string stream = "", string gameName = "") => new()
    {
        UserId = user,
        UserLogin = "login_" + user,
        UserName = "Name " + user,
        GameId = game,
        GameName = gameName.Length > 0 ? gameName : (game.Length > 0 ? "Game " + game : string.Empty),
        ViewerCount = viewers,
        StreamId = stream.Length > 0 ? stream : "s-" + user,
        At = Ten.AddMinutes(minute).AddSeconds(second),
    };
}
