// WebApplicationFactory finds the app's host by listening for any host being built in the process, so two
// factories starting at once can pick up each other's settings. Test classes here therefore run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
