using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Flick.Cdk.Constructs;

/// <summary>
/// One Flick Lambda function: the shared <c>bootstrap</c> package on the custom runtime
/// (<c>provided.al2023</c>, arm64), told which handler it is by its Handler setting (<c>_HANDLER</c>), with its own log group
/// (so the retention is set by CloudFormation, not by a helper function) and X-Ray tracing.
/// Every default of the functions lives here.
/// </summary>
public sealed class PipelineFunction : Construct
{
    /// <summary>How long the functions' logs are kept.</summary>
    public static readonly RetentionDays LogRetention = RetentionDays.ONE_MONTH;

    public PipelineFunction(Construct scope, string id, FunctionSpec spec, Code code, string functionName,
        IDictionary<string, string> environment, IQueue? asyncDeadLetterQueue = null) : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        LogGroup = new LogGroup(this, "LogGroup", new LogGroupProps
        {
            LogGroupName = "/aws/lambda/" + functionName,
            Retention = LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        Function = new Function(this, "Function", new FunctionProps
        {
            FunctionName = functionName,
            Description = $"Flick pipeline function '{spec.Handler}'",
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = Architecture.ARM_64,
            Code = code,
            // Lambda hands the Handler setting to a custom runtime as _HANDLER (a reserved variable that
            // cannot be set in Environment): the bootstrap dispatches on it.
            Handler = spec.Handler,
            MemorySize = spec.MemoryMb,
            Timeout = Duration.Seconds(spec.TimeoutSeconds),
            ReservedConcurrentExecutions = spec.ReservedConcurrency,
            Environment = environment,
            LogGroup = LogGroup,
            LoggingFormat = LoggingFormat.JSON,
            Tracing = Tracing.ACTIVE,
            DeadLetterQueue = asyncDeadLetterQueue,
        });
    }

    public FunctionSpec Spec { get; }

    public Function Function { get; }

    public LogGroup LogGroup { get; }
}
