using System.Text;
using static Flick.Aws.Tests.JsonProtocol.ReferenceSigV4;

namespace Flick.Aws.Tests.JsonProtocol;

/// <summary>
/// The reference signer reproduces signatures AWS published, before it is trusted to judge the SDK's:
/// <list type="bullet">
/// <item>AWS's Signature Version 4 test suite (aws-sig-v4-test-suite, linked from the General Reference page
/// "Signature Version 4 test suite", https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html;
/// a copy: https://docs.rs/crate/scratchstack-aws-signature/latest/source/src/aws-sig-v4-test-suite/): cases
/// get-vanilla, post-x-www-form-urlencoded and post-sts-token/post-sts-header-before, each .authz signature.</item>
/// <item>The IAM ListUsers example of the General Reference "Signature Version 4 signing process" pages
/// (sigv4-create-canonical-request, sigv4-calculate-signature, sigv4-signed-request-examples): hashed canonical
/// request, signing key and signature; and the derived-key example of "Examples of how to derive a signing key".</item>
/// </list>
/// All use AWS's example credentials AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY.
/// </summary>
public sealed class ReferenceSigV4Tests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string SuiteHost = "example.amazonaws.com";
    private static readonly DateTime SuiteTime = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    [Fact]
    public void Authorization_WhenGetVanillaOfTheTestSuite_ShouldReproduceThePublishedHeader()
    {
        var authorization = Authorization(AccessKey, SecretKey, SuiteTime, "us-east-1", "service", "GET", "/", "",
            [("Host", SuiteHost), ("X-Amz-Date", "20150830T123600Z")], []);

        authorization.ShouldBe("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    [Fact]
    public void Signature_WhenPostWithAFormBodyOfTheTestSuite_ShouldReproduceThePublishedCanonicalRequestAndSignature()
    {
        var canonical = CanonicalRequest("POST", "/", "",
            [("Content-Type", "application/x-www-form-urlencoded"), ("Host", SuiteHost), ("X-Amz-Date", "20150830T123600Z")],
            Encoding.UTF8.GetBytes("Param1=value1"));

        canonical.ShouldBe("POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
            + "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
        StringToSign(SuiteTime, "us-east-1", "service", canonical).ShouldBe(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281");
        Signature(SecretKey, SuiteTime, "us-east-1", "service", canonical)
            .ShouldBe("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
    }

    [Fact]
    public void Authorization_WhenASessionTokenIsSignedAsAHeader_ShouldReproduceThePublishedHeader()
    {
        const string token = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

        var authorization = Authorization(AccessKey, SecretKey, SuiteTime, "us-east-1", "service", "POST", "/", "",
            [("Host", SuiteHost), ("X-Amz-Date", "20150830T123600Z"), ("X-Amz-Security-Token", token)], []);

        authorization.ShouldBe("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead");
    }

    [Fact]
    public void Signature_WhenTheIamListUsersExample_ShouldReproduceThePublishedHashKeyAndSignature()
    {
        var canonical = CanonicalRequest("GET", "/", "Action=ListUsers&Version=2010-05-08",
            [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), ("Host", "iam.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            []);

        StringToSign(SuiteTime, "us-east-1", "iam", canonical).ShouldEndWith("\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
        Convert.ToHexStringLower(SigningKey(SecretKey, "20150830", "us-east-1", "iam"))
            .ShouldBe("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
        Signature(SecretKey, SuiteTime, "us-east-1", "iam", canonical)
            .ShouldBe("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    [Fact]
    public void SigningKey_WhenTheDerivedKeyExampleOfTheDocs_ShouldReproduceThePublishedKey()
    {
        Convert.ToHexStringLower(SigningKey(SecretKey, "20120215", "us-east-1", "iam"))
            .ShouldBe("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }
}
