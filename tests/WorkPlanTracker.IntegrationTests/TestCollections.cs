namespace WorkPlanTracker.IntegrationTests;

/// <summary>
/// One app for the test classes that only read the first start's data (sample plans, demo accounts) or add
/// nothing another class looks at: their classes run one after another on it, while other collections run beside
/// them. A class that changes what others read keeps an app of its own (IClassFixture).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedAppCollection : ICollectionFixture<AppFactory>
{
    public const string Name = "shared app";
}
