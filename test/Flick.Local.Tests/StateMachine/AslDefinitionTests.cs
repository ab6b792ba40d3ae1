using Flick.Local.StateMachine;

namespace Flick.Local.Tests.StateMachine;

public sealed class AslDefinitionTests
{
    [Theory]
    [InlineData("'A': { 'Type': 'Pass', 'Next': 'Nowhere' }", "Nowhere")]
    [InlineData("'A': { 'Type': 'Pass' }", "Next or")]
    [InlineData("'A': { 'Type': 'Pass', 'Next': 'A', 'End': true }", "Next or")]
    [InlineData("'A': { 'Type': 'Dance', 'End': true }", "Dance")]
    [InlineData("'A': { 'Type': 'Pass', 'Assign': {}, 'End': true }", "Assign")]
    [InlineData("'A': { 'Type': 'Task', 'Resource': 'r', 'Retry': [ { 'ErrorEquals': ['States.ALL', 'X'] } ], 'End': true }", "States.ALL")]
    [InlineData("'A': { 'Type': 'Task', 'Resource': 'r', 'Catch': [ { 'ErrorEquals': ['States.ALL'], 'Next': 'A' }, { 'ErrorEquals': ['X'], 'Next': 'A' } ], 'End': true }", "States.ALL")]
    [InlineData("'A': { 'Type': 'Task', 'Resource': 'r', 'Retry': [ { 'ErrorEquals': ['X'], 'BackoffRate': 0.5 } ], 'End': true }", "BackoffRate")]
    [InlineData("'A': { 'Type': 'Task', 'Resource': 'r', 'Parameters': { 'x.$': 'States.Format(1)' }, 'End': true }", "intrinsic")]
    [InlineData("'A': { 'Type': 'Pass', 'InputPath': '$.a[*]', 'End': true }", "wildcards")]
    [InlineData("'A': { 'Type': 'Choice', 'Choices': [ { 'Variable': '$.a', 'StringSomething': 'x', 'Next': 'A' } ] }", "comparison operator")]
    [InlineData("'A': { 'Type': 'Map', 'ItemProcessor': { 'ProcessorConfig': { 'Mode': 'DISTRIBUTED' }, 'StartAt': 'B', 'States': { 'B': { 'Type': 'Succeed' } } }, 'End': true }", "DISTRIBUTED")]
    [InlineData("'A': { 'Type': 'Map', 'ItemProcessor': { 'StartAt': 'B', 'States': { 'B': { 'Type': 'Pass', 'Next': 'A' } } }, 'End': true }", "'A'")]
    public void Parse_WhenTheDefinitionIsInvalidOrUnsupported_ShouldExplain(string states, string expectedInMessage)
    {
        var error = Should.Throw<AslDefinitionException>(() => AslDefinition.Parse(Asl.Machine("A", states)));
        error.Message.ShouldContain(expectedInMessage);
    }

    [Fact]
    public void Parse_ShouldListEveryTaskResourceOnceIncludingNestedOnes()
    {
        var definition = AslDefinition.Parse(Asl.Machine("T", """
            'T': { 'Type': 'Task', 'Resource': 'r1', 'Next': 'M' },
            'M': { 'Type': 'Map', 'ItemProcessor': { 'StartAt': 'P', 'States': { 'P': { 'Type': 'Parallel', 'Branches': [
                     { 'StartAt': 'X', 'States': { 'X': { 'Type': 'Task', 'Resource': 'r2', 'End': true } } },
                     { 'StartAt': 'Y', 'States': { 'Y': { 'Type': 'Task', 'Resource': 'r1', 'End': true } } } ], 'End': true } } },
                   'End': true }
            """));

        definition.Resources.ShouldBe(["r1", "r2"]);
    }

    [Fact]
    public void EnsureResourcesResolve_WhenAResourceHasNoInvoker_ShouldNameIt()
    {
        var definition = AslDefinition.Parse(Asl.Machine("T", "'T': { 'Type': 'Task', 'Resource': 'arn:unknown', 'End': true }"));
        var engine = new ExecutionEngine(new TaskResourceRegistry().Add("arn:known", (_, _) => Task.FromResult("{}")));

        var error = Should.Throw<AslDefinitionException>(() => engine.EnsureResourcesResolve(definition));
        error.Message.ShouldContain("arn:unknown");
        Should.Throw<AslDefinitionException>(() => engine.RunAsync(definition, null, EngineHarness.Execution(), CancellationToken.None));
    }
}
