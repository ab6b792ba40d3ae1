namespace Flick.Local.Simulator;

/// <summary>Forty categories with Helix-style numeric ids, weighted roughly by how many channels play them.</summary>
public static class SimulatedGames
{
    public static IReadOnlyList<SimulatedGame> Default { get; } =
    [
        new("509658", "Just Chatting", 30),
        new("32982", "Grand Theft Auto V", 12),
        new("21779", "League of Legends", 11),
        new("516575", "VALORANT", 9),
        new("33214", "Fortnite", 9),
        new("32399", "Counter-Strike", 8),
        new("27471", "Minecraft", 8),
        new("18122", "World of Warcraft", 6),
        new("29595", "Dota 2", 5),
        new("511224", "Apex Legends", 5),
        new("512710", "Call of Duty: Warzone", 5),
        new("515025", "Overwatch 2", 4),
        new("498566", "Slots", 4),
        new("491487", "Dead by Daylight", 4),
        new("263490", "Rust", 3),
        new("491931", "Escape from Tarkov", 3),
        new("513143", "Teamfight Tactics", 3),
        new("138585", "Hearthstone", 3),
        new("30921", "Rocket League", 3),
        new("512953", "Elden Ring", 3),
        new("26936", "Music", 3),
        new("509660", "Art", 2),
        new("518203", "Sports", 2),
        new("743", "Chess", 2),
        new("27284", "Retro", 2),
        new("1003185", "Pokémon Scarlet and Violet", 2),
        new("55453844", "Street Fighter 6", 2),
        new("460630", "Tom Clancy's Rainbow Six Siege", 2),
        new("493057", "PUBG: BATTLEGROUNDS", 2),
        new("459931", "Old School RuneScape", 2),
        new("513181", "Genshin Impact", 2),
        new("29307", "Path of Exile", 1.5),
        new("1019640", "Baldur's Gate 3", 1.5),
        new("490377", "Sea of Thieves", 1),
        new("369252", "The Sims 4", 1),
        new("490744", "Stardew Valley", 1),
        new("417752", "Talk Shows & Podcasts", 1),
        new("509659", "ASMR", 1),
        new("1469308723", "Software and Game Development", 0.5),
        new("509663", "Special Events", 0.5),
    ];
}
