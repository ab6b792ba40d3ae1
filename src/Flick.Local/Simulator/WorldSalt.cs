namespace Flick.Local.Simulator;

/// <summary>One salt per independent draw, so that draws of the same (channel, time) do not correlate.</summary>
internal enum WorldSalt : long
{
    Rank = 0x1001,
    Login = 0x1002,
    Name = 0x1003,
    Language = 0x1004,
    MainGame = 0x1005,
    Uncategorised = 0x1006,
    Mature = 0x1007,
    Tags = 0x1008,
    Rhythm = 0x1009,
    Session = 0x2001,
    Segment = 0x2002,
    Game = 0x2003,
    Title = 0x2004,
    Noise = 0x3001,
    Jitter = 0x3002,
    StartSecond = 0x3003,
}
