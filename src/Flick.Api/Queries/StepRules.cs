using Flick.Api.Input;
using Flick.Core.Domain;

namespace Flick.Api.Queries;

internal static class StepRules
{
    /// <summary>Refuses a step that would give more than <see cref="InputRules.MaxPoints"/> points over the window.</summary>
    public static StepSize? Check((Slot From, Slot To)? window, StepSize? step, InputErrors errors)
    {
        if (window is { } w && step is { } s && (w.To.UnixMinute - w.From.UnixMinute) / s.Minutes > InputRules.MaxPoints)
        {
            errors.Add("step", $"step {s.Name} gives more than {InputRules.MaxPoints} points over this window; choose a larger step");
        }

        return step;
    }
}
