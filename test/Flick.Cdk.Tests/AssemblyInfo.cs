// The jsii runtime behind the CDK's .NET classes loads its modules into one node process and is not
// safe for concurrent first use: the test classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
