using System.Globalization;
using Flick.LambdaBench;

// Benchmarks of the Lambda bootstrap (not tests), driven by scripts/bench-lambda.sh:
//   start NAME BOOTSTRAP RUNS        time from process start to the first response posted to a loopback Runtime API
//   slot-memory BOOTSTRAP CHANNELS   peak RSS handling one slot of CHANNELS channels, against S3 and DynamoDB
//                                    emulators named by FLICK_TEST_AWS_ENDPOINT and FLICK_TEST_DYNAMODB_ENDPOINT
return args switch
{
    ["start", var name, var bootstrap, var runs] => await StartupBench.RunAsync(name, bootstrap, int.Parse(runs, CultureInfo.InvariantCulture)),
    ["slot-memory", var bootstrap, var channels] => await SlotMemoryBench.RunAsync(bootstrap, int.Parse(channels, CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Flick.LambdaBench start NAME BOOTSTRAP RUNS | slot-memory BOOTSTRAP CHANNELS");
    return 2;
}
