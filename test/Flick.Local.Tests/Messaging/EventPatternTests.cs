using Flick.Local.Messaging;

namespace Flick.Local.Tests.Messaging;

/// <summary>
/// Expected results restate EventBridge's documented content-filtering rules. Patterns are written with single
/// quotes for readability and turned into JSON by <see cref="Json"/>.
/// </summary>
public sealed class EventPatternTests
{
    private static readonly string Event = Json("""
        {
          'version': '0', 'source': 'aws.s3', 'detail-type': 'Object Created', 'resources': ['arn:aws:s3:::raw'],
          'detail': {
            'bucket': { 'name': 'raw' },
            'object': { 'key': 'pulls/2025/03/10/a.json', 'size': 1024 },
            'state': 'running', 'count': 3, 'price': 2.5, 'flag': true, 'nothing': null, 'empty': '',
            'tags': ['blue', 'green'], 'ip': '10.0.0.17', 'glob': 'a*b',
            'items': [ { 'kind': 'a', 'n': 1 }, { 'kind': 'b', 'n': 2 } ]
          }
        }
        """);

    [Theory]
    // Exact values: fields AND-ed, values of one array OR-ed, strings compared case-sensitively.
    [InlineData("{'source':['aws.s3']}", true)]
    [InlineData("{'source':['aws.ec2']}", false)]
    [InlineData("{'source':['aws.ec2','aws.s3']}", true)]
    [InlineData("{'source':['AWS.S3']}", false)]
    [InlineData("{'source':['aws.s3'],'detail-type':['Object Deleted']}", false)]
    [InlineData("{'source':['aws.s3'],'detail-type':['Object Created']}", true)]
    [InlineData("{'detail':{'bucket':{'name':['raw']}}}", true)]
    [InlineData("{'detail':{'bucket':{'name':['series']}}}", false)]
    [InlineData("{'detail':{'missing':['x']}}", false)]
    [InlineData("{'resources':['arn:aws:s3:::raw']}", true)]
    // An array in the event matches when any of its elements does.
    [InlineData("{'detail':{'tags':['green']}}", true)]
    [InlineData("{'detail':{'tags':['red']}}", false)]
    // Numbers compare as numbers and never equal strings; true, false and null match themselves.
    [InlineData("{'detail':{'count':[3]}}", true)]
    [InlineData("{'detail':{'count':[3.0]}}", true)]
    [InlineData("{'detail':{'count':['3']}}", false)]
    [InlineData("{'detail':{'flag':[true]}}", true)]
    [InlineData("{'detail':{'flag':[false]}}", false)]
    [InlineData("{'detail':{'nothing':[null]}}", true)]
    [InlineData("{'detail':{'state':[null]}}", false)]
    [InlineData("{'detail':{'empty':['']}}", true)]
    // prefix and suffix, optionally ignoring case; strings only.
    [InlineData("{'detail':{'object':{'key':[{'prefix':'pulls/'}]}}}", true)]
    [InlineData("{'detail':{'object':{'key':[{'prefix':'series/'}]}}}", false)]
    [InlineData("{'detail':{'object':{'key':[{'prefix':'PULLS/'}]}}}", false)]
    [InlineData("{'detail':{'object':{'key':[{'prefix':{'equals-ignore-case':'PULLS/'}}]}}}", true)]
    [InlineData("{'detail':{'count':[{'prefix':'3'}]}}", false)]
    [InlineData("{'detail':{'object':{'key':[{'suffix':'.json'}]}}}", true)]
    [InlineData("{'detail':{'object':{'key':[{'suffix':'.parquet'}]}}}", false)]
    [InlineData("{'detail':{'object':{'key':[{'suffix':{'equals-ignore-case':'.JSON'}}]}}}", true)]
    // equals-ignore-case
    [InlineData("{'detail':{'state':[{'equals-ignore-case':'RUNNING'}]}}", true)]
    [InlineData("{'detail':{'state':[{'equals-ignore-case':'STOPPED'}]}}", false)]
    // anything-but: a value, a list, prefix, suffix, equals-ignore-case, wildcard; the field must be there.
    [InlineData("{'detail':{'state':[{'anything-but':'stopped'}]}}", true)]
    [InlineData("{'detail':{'state':[{'anything-but':'running'}]}}", false)]
    [InlineData("{'detail':{'state':[{'anything-but':['stopped','running']}]}}", false)]
    [InlineData("{'detail':{'state':[{'anything-but':['stopped','pending']}]}}", true)]
    [InlineData("{'detail':{'count':[{'anything-but':[1,2]}]}}", true)]
    [InlineData("{'detail':{'count':[{'anything-but':3}]}}", false)]
    [InlineData("{'detail':{'state':[{'anything-but':{'prefix':'run'}}]}}", false)]
    [InlineData("{'detail':{'state':[{'anything-but':{'prefix':'stop'}}]}}", true)]
    [InlineData("{'detail':{'object':{'key':[{'anything-but':{'suffix':'.json'}}]}}}", false)]
    [InlineData("{'detail':{'object':{'key':[{'anything-but':{'suffix':'.csv'}}]}}}", true)]
    [InlineData("{'detail':{'state':[{'anything-but':{'equals-ignore-case':['RUNNING','STOPPED']}}]}}", false)]
    [InlineData("{'detail':{'state':[{'anything-but':{'equals-ignore-case':'STOPPED'}}]}}", true)]
    [InlineData("{'detail':{'object':{'key':[{'anything-but':{'wildcard':'pulls/*'}}]}}}", false)]
    [InlineData("{'detail':{'object':{'key':[{'anything-but':{'wildcard':'series/*'}}]}}}", true)]
    [InlineData("{'detail':{'missing':[{'anything-but':'x'}]}}", false)]
    [InlineData("{'detail':{'tags':[{'anything-but':'blue'}]}}", true)]
    [InlineData("{'detail':{'tags':[{'anything-but':['blue','green']}]}}", false)]
    // exists
    [InlineData("{'detail':{'state':[{'exists':true}]}}", true)]
    [InlineData("{'detail':{'state':[{'exists':false}]}}", false)]
    [InlineData("{'detail':{'missing':[{'exists':true}]}}", false)]
    [InlineData("{'detail':{'missing':[{'exists':false}]}}", true)]
    [InlineData("{'detail':{'absent':{'deeper':[{'exists':false}]}}}", true)]
    [InlineData("{'detail':{'absent':{'deeper':[{'exists':true}]}}}", false)]
    // numeric: one comparison or a lower and an upper bound; numbers only.
    [InlineData("{'detail':{'count':[{'numeric':['>',0,'<=',5]}]}}", true)]
    [InlineData("{'detail':{'count':[{'numeric':['>',3]}]}}", false)]
    [InlineData("{'detail':{'count':[{'numeric':['>=',3]}]}}", true)]
    [InlineData("{'detail':{'count':[{'numeric':['=',3]}]}}", true)]
    [InlineData("{'detail':{'count':[{'numeric':['<',3]}]}}", false)]
    [InlineData("{'detail':{'price':[{'numeric':['>',2,'<',3]}]}}", true)]
    [InlineData("{'detail':{'price':[{'numeric':['>=',2.6,'<',3]}]}}", false)]
    [InlineData("{'detail':{'state':[{'numeric':['>',0]}]}}", false)]
    // wildcard: * is any run of characters, \* a literal star.
    [InlineData("{'detail':{'object':{'key':[{'wildcard':'pulls/*/a.json'}]}}}", true)]
    [InlineData("{'detail':{'object':{'key':[{'wildcard':'pulls/*.parquet'}]}}}", false)]
    [InlineData("{'detail':{'object':{'key':[{'wildcard':'*'}]}}}", true)]
    [InlineData("{'detail':{'object':{'key':[{'wildcard':'pulls/2025/03/10/a.json'}]}}}", true)]
    [InlineData("{'detail':{'glob':[{'wildcard':'a\\\\*b'}]}}", true)]
    [InlineData("{'detail':{'state':[{'wildcard':'a\\\\*b'}]}}", false)]
    // cidr
    [InlineData("{'detail':{'ip':[{'cidr':'10.0.0.0/24'}]}}", true)]
    [InlineData("{'detail':{'ip':[{'cidr':'10.0.1.0/24'}]}}", false)]
    // Mixed alternatives in one array, and $or across fields.
    [InlineData("{'detail':{'state':['stopped',{'prefix':'run'}]}}", true)]
    [InlineData("{'$or':[{'source':['aws.ec2']},{'detail':{'state':['running']}}]}", true)]
    [InlineData("{'$or':[{'source':['aws.ec2']},{'detail':{'state':['stopped']}}]}", false)]
    // Objects in an array match one at a time: both fields must hold in the same element.
    [InlineData("{'detail':{'items':{'kind':['b']}}}", true)]
    [InlineData("{'detail':{'items':{'kind':['b'],'n':[2]}}}", true)]
    [InlineData("{'detail':{'items':{'kind':['a'],'n':[2]}}}", false)]
    // A leaf pattern does not match an object value.
    [InlineData("{'detail':{'bucket':['raw']}}", false)]
    public void Matches_WithPattern_ShouldFollowEventBridgeRules(string pattern, bool expected)
    {
        EventPattern.Parse(Json(pattern)).Matches(Event).ShouldBe(expected);
    }

    [Theory]
    [InlineData("{", "not JSON")]
    [InlineData("['source']", "must be a JSON object")]
    [InlineData("{'source':'aws.s3'}", "'source'")]
    [InlineData("{'source':[]}", "may not be empty")]
    [InlineData("{'source':[['aws.s3']]}", "may not contain arrays")]
    [InlineData("{'source':[{'contains':'s3'}]}", "unknown operator 'contains'")]
    [InlineData("{'source':[{'prefix':'a','suffix':'b'}]}", "exactly one operator")]
    [InlineData("{'source':[{'prefix':1}]}", "prefix takes a string")]
    [InlineData("{'a':[{'exists':'yes'}]}", "exists takes true or false")]
    [InlineData("{'a':[{'numeric':['!=',1]}]}", "numeric operators")]
    [InlineData("{'a':[{'numeric':['>',1,'<']}]}", "numeric takes")]
    [InlineData("{'a':[{'numeric':['<',5,'>',0]}]}", "lower bound")]
    [InlineData("{'a':[{'anything-but':['x',1]}]}", "only strings or only numbers")]
    [InlineData("{'a':[{'anything-but':{'exists':true}}]}", "anything-but does not take 'exists'")]
    [InlineData("{'a':[{'wildcard':'a**b'}]}", "consecutive")]
    [InlineData("{'a':[{'wildcard':'a\\\\b'}]}", "may only escape")]
    [InlineData("{'a':[{'cidr':'nope'}]}", "CIDR")]
    [InlineData("{'$or':[{'a':['x']}]}", "at least two")]
    [InlineData("{'detail':{'a':{'b':'x'}}}", "'detail.a.b'")]
    public void Parse_WithInvalidPattern_ShouldThrowFormatExceptionSayingWhy(string pattern, string expectedInMessage)
    {
        var exception = Should.Throw<FormatException>(() => EventPattern.Parse(Json(pattern)));

        exception.Message.ShouldContain(expectedInMessage);
    }

    [Fact]
    public void Matches_WithEmptyEventArray_ShouldTreatTheFieldAsAbsent()
    {
        var pattern = EventPattern.Parse(Json("{'tags':[{'exists':false}]}"));

        pattern.Matches(Json("{'tags':[]}")).ShouldBeTrue();
        pattern.Matches(Json("{'tags':['x']}")).ShouldBeFalse();
    }

    private static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');
}
