using Flick.Aws.Lambda;

namespace Flick.Aws.Tests.Lambda;

public class LambdaErrorTests
{
    [Fact]
    public void FromException_ShouldNameTheTypeAndKeepTheInnerExceptionsFrames()
    {
        Exception caught;
        try
        {
            try
            {
                throw new FormatException("inner problem");
            }
            catch (FormatException inner)
            {
                throw new InvalidOperationException("outer problem", inner);
            }
        }
        catch (InvalidOperationException e)
        {
            caught = e;
        }

        var error = LambdaError.FromException(caught);

        error.ErrorType.ShouldBe("InvalidOperationException");
        error.ErrorMessage.ShouldBe("outer problem");
        error.StackTrace.ShouldContain("---> FormatException: inner problem");
        error.StackTrace.ShouldAllBe(frame => frame.Length > 0 && frame == frame.Trim());
    }
}
