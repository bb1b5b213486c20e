namespace WorkPlanTracker.Shared;

/// <summary>One page of a list read from the database, and how long the whole list is.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Paging.PageCount(PageSize, TotalCount);
}

/// <summary>Page arithmetic shared by every paged list.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;

    public static int PageCount(int pageSize, int totalCount) => Math.Max(1, (totalCount + pageSize - 1) / pageSize);

    /// <summary>A page number from a query string: anything that is not a page number is the first page.</summary>
    public static int PageFrom(string? query) =>
        int.TryParse(query, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page is > 0 and < 1_000_000
            ? page
            : 1;

    /// <summary>Rows to skip for <paramref name="page"/>, held within the list (a page past the end is the last page).</summary>
    public static int Skip(int page, int pageSize, int totalCount) => (Math.Clamp(page, 1, PageCount(pageSize, totalCount)) - 1) * pageSize;
}
