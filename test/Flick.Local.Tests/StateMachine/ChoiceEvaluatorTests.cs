namespace Flick.Local.Tests.StateMachine;

public sealed class ChoiceEvaluatorTests
{
    private static string ChoiceMachine(string rule, bool withDefault = true) => Asl.Machine("C", $$"""
        'C': { 'Type': 'Choice', 'Choices': [ { {{rule}}, 'Next': 'Yes' } ] {{(withDefault ? ", 'Default': 'No'" : "")}} },
        'Yes': { 'Type': 'Pass', 'Result': 'yes', 'End': true },
        'No': { 'Type': 'Pass', 'Result': 'no', 'End': true }
        """);

    private const string Input = """
        {"s":"beta","n":5,"f":2.5,"t":true,"nil":null,"ts":"2026-11-23T17:27:00Z","other":"alpha","limit":5,"slot":"2026-11-23T17:27Z"}
        """;

    [Theory]
    [InlineData("'Variable': '$.s', 'StringEquals': 'beta'", "yes")]
    [InlineData("'Variable': '$.s', 'StringEquals': 'Beta'", "no")]
    [InlineData("'Variable': '$.s', 'StringLessThan': 'gamma'", "yes")]
    [InlineData("'Variable': '$.s', 'StringGreaterThanEquals': 'beta'", "yes")]
    [InlineData("'Variable': '$.s', 'StringEqualsPath': '$.other'", "no")]
    [InlineData("'Variable': '$.s', 'StringGreaterThanPath': '$.other'", "yes")]
    [InlineData("'Variable': '$.s', 'StringMatches': 'b*a'", "yes")]
    [InlineData("'Variable': '$.s', 'StringMatches': 'b\\\\*'", "no")]
    [InlineData("'Variable': '$.n', 'NumericEquals': 5", "yes")]
    [InlineData("'Variable': '$.n', 'NumericEquals': 5.0", "yes")]
    [InlineData("'Variable': '$.f', 'NumericLessThan': 3", "yes")]
    [InlineData("'Variable': '$.f', 'NumericGreaterThan': 2.5", "no")]
    [InlineData("'Variable': '$.f', 'NumericGreaterThanEquals': 2.5", "yes")]
    [InlineData("'Variable': '$.n', 'NumericLessThanEqualsPath': '$.limit'", "yes")]
    [InlineData("'Variable': '$.s', 'NumericEquals': 5", "no")]
    [InlineData("'Variable': '$.t', 'BooleanEquals': true", "yes")]
    [InlineData("'Variable': '$.n', 'BooleanEquals': true", "no")]
    [InlineData("'Variable': '$.ts', 'TimestampEquals': '2026-11-23T18:27:00+01:00'", "yes")]
    [InlineData("'Variable': '$.ts', 'TimestampLessThan': '2026-11-23T17:27:00.001Z'", "yes")]
    [InlineData("'Variable': '$.slot', 'TimestampLessThan': '2030-01-01T00:00:00Z'", "no")]
    [InlineData("'Variable': '$.nil', 'IsNull': true", "yes")]
    [InlineData("'Variable': '$.s', 'IsNull': false", "yes")]
    [InlineData("'Variable': '$.missing', 'IsPresent': false", "yes")]
    [InlineData("'Variable': '$.nil', 'IsPresent': true", "yes")]
    [InlineData("'Variable': '$.f', 'IsNumeric': true", "yes")]
    [InlineData("'Variable': '$.s', 'IsString': true", "yes")]
    [InlineData("'Variable': '$.t', 'IsBoolean': true", "yes")]
    [InlineData("'Variable': '$.ts', 'IsTimestamp': true", "yes")]
    [InlineData("'Variable': '$.slot', 'IsTimestamp': true", "no")]
    public async Task Evaluate_WhenADataTestRule_ShouldFollowTheComparison(string rule, string expected)
    {
        var output = await new EngineHarness().RunAsync(ChoiceMachine(rule), Input);
        output!.GetValue<string>().ShouldBe(expected);
    }

    [Theory]
    [InlineData("'And': [ { 'Variable': '$.n', 'NumericEquals': 5 }, { 'Variable': '$.t', 'BooleanEquals': true } ]", "yes")]
    [InlineData("'And': [ { 'Variable': '$.n', 'NumericEquals': 5 }, { 'Variable': '$.t', 'BooleanEquals': false } ]", "no")]
    [InlineData("'Or': [ { 'Variable': '$.n', 'NumericEquals': 6 }, { 'Variable': '$.s', 'StringEquals': 'beta' } ]", "yes")]
    [InlineData("'Or': [ { 'Variable': '$.n', 'NumericEquals': 6 }, { 'Variable': '$.s', 'StringEquals': 'x' } ]", "no")]
    [InlineData("'Not': { 'Variable': '$.s', 'StringEquals': 'beta' }", "no")]
    [InlineData("'Not': { 'Not': { 'Variable': '$.s', 'StringEquals': 'beta' } }", "yes")]
    // IsPresent guards the comparison of a missing field: And stops at the first false rule.
    [InlineData("'And': [ { 'Variable': '$.notify', 'IsPresent': true }, { 'Variable': '$.notify', 'BooleanEquals': true } ]", "no")]
    public async Task Evaluate_WhenACompoundRule_ShouldCombineItsRules(string rule, string expected)
    {
        var output = await new EngineHarness().RunAsync(ChoiceMachine(rule), Input);
        output!.GetValue<string>().ShouldBe(expected);
    }

    [Fact]
    public async Task Choice_WhenNothingMatchesAndThereIsNoDefault_ShouldFailWithNoChoiceMatched()
    {
        var error = await new EngineHarness().RunFailingAsync(ChoiceMachine("'Variable': '$.n', 'NumericEquals': 6", withDefault: false), Input);
        error.Error.ShouldBe("States.NoChoiceMatched");
    }

    [Fact]
    public async Task Choice_WhenTheVariableIsMissing_ShouldFailWithStatesRuntime()
    {
        var error = await new EngineHarness().RunFailingAsync(ChoiceMachine("'Variable': '$.missing', 'StringEquals': 'x'"), Input);
        error.Error.ShouldBe("States.Runtime");
    }

    [Fact]
    public async Task Choice_ShouldTakeTheFirstMatchingRuleAndPassItsInputOn()
    {
        var definition = Asl.Machine("C", """
            'C': { 'Type': 'Choice', 'OutputPath': '$.payload', 'Choices': [
                     { 'Variable': '$.n', 'NumericGreaterThan': 1, 'Next': 'First' },
                     { 'Variable': '$.n', 'NumericGreaterThan': 0, 'Next': 'Second' } ] },
            'First': { 'Type': 'Pass', 'ResultPath': '$.went', 'Result': 'first', 'End': true },
            'Second': { 'Type': 'Pass', 'ResultPath': '$.went', 'Result': 'second', 'End': true }
            """);
        var output = await new EngineHarness().RunAsync(definition, """{"n":2,"payload":{"p":1}}""");
        JsonAssert.Equal("""{"p":1,"went":"first"}""", output);
    }
}
