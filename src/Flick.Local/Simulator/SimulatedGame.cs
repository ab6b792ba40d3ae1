namespace Flick.Local.Simulator;

/// <summary>A category of the simulated world; <paramref name="Weight"/> sets how many channels play it.</summary>
public sealed record SimulatedGame(string Id, string Name, double Weight);
