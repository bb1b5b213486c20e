// Test collections run side by side, three at a time on the 2-core build machine: most of a browser or HTTP test is
// waiting (for the circuit, the browser, a delay), and at two at a time the cores were idle a third of the run.
// Classes that can share an app do so through collections (TestCollections.cs, BrowserFixture.cs); the two browser
// lanes hold about the same work, and AppFactory starts one host at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, DisableTestParallelization = false, MaxParallelThreads = 3)]
[assembly: TestCollectionOrderer(WorkPlanTracker.IntegrationTests.LongestFirstCollectionOrderer.TypeName, "WorkPlanTracker.IntegrationTests")]
