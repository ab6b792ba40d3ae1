using Amazon.Runtime;

namespace Flick.Aws.JsonProtocol;

/// <summary>The original request a <see cref="Amazon.Runtime.Internal.DefaultRequest"/> must name; it carries nothing.</summary>
internal sealed class JsonProtocolServiceRequest : AmazonWebServiceRequest;
