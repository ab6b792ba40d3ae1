using System.Text.Json.Nodes;
using Flick.Local.StateMachine;

namespace Flick.Local.Tests.StateMachine;

public sealed class JsonPathTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""{"a":{"b":[{"c":1},{"c":null}]},"odd key":{"x.y":2}}""")!;

    [Theory]
    [InlineData("$", """{"a":{"b":[{"c":1},{"c":null}]},"odd key":{"x.y":2}}""")]
    [InlineData("$.a.b[0].c", "1")]
    [InlineData("$.a.b[1].c", "null")]
    [InlineData("$['odd key']['x.y']", "2")]
    [InlineData("$[\"odd key\"]", """{"x.y":2}""")]
    public void TrySelect_WhenThePathExists_ShouldSelectTheNode(string path, string expectedJson)
    {
        JsonPath.Parse(path).TrySelect(Document, out var value).ShouldBeTrue();
        JsonAssert.Equal(expectedJson, value);
    }

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.a.b[2]")]
    [InlineData("$.a.b.c")]
    [InlineData("$.a.b[0].c.d")]
    public void TrySelect_WhenAStepIsMissing_ShouldReturnFalse(string path) =>
        JsonPath.Parse(path).TrySelect(Document, out _).ShouldBeFalse();

    [Theory]
    [InlineData("a.b")]
    [InlineData("$..a")]
    [InlineData("$.a[*]")]
    [InlineData("$.a[?(@.c)]")]
    [InlineData("$.a[")]
    public void Parse_WhenThePathIsNotAReferencePath_ShouldThrow(string path) =>
        Should.Throw<FormatException>(() => JsonPath.Parse(path));

    [Fact]
    public void Parse_WhenThePathStartsWithTwoDollars_ShouldAddressTheContextObject()
    {
        var path = JsonPath.Parse("$$.Map.Item.Value");
        path.IsContext.ShouldBeTrue();
        path.Segments.Select(s => s.Name).ShouldBe(["Map", "Item", "Value"]);
    }
}
