using Flick.Aws.Lambda;
using Flick.Lambda;

return await LambdaBootstrap.RunAsync(Environment.GetEnvironmentVariable, LambdaComposition.CreateFunction, LambdaOutput.StandardOutput(), CancellationToken.None);
