// Test collections run side by side, as many at once as xunit's default allows (one per core: two on the
// 2-core build machine, where more would only take turns on the cores). Classes that can share an app do so
// through collections (TestCollections.cs, BrowserFixture.cs); AppFactory starts one host at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, DisableTestParallelization = false)]
[assembly: TestCollectionOrderer(WorkPlanTracker.IntegrationTests.LongestFirstCollectionOrderer.TypeName, "WorkPlanTracker.IntegrationTests")]
