using Mooring.Sandbox.Data;

namespace Mooring.Sandbox.Tests.Data;

public sealed class RecordStoreTests
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MillionRecords_CostNoMemoryPerRecord()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var store = new RecordStore("test", 1, 1_000_000, Origin, TimeSpan.FromSeconds(1), 10_000);
        var page = store.Scan(999_999, descending: true).Take(100).ToList();
        var last = store.Get(999_999);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        page.Count.ShouldBe(100);
        last!.Value.CreatedAt.ShouldBe(Origin.AddSeconds(-1));
        allocated.ShouldBeLessThan(200_000);
    }

    [Fact]
    public void Mutate_SameSeed_SameChanges_AndOnlyChangedRecordsAreKept()
    {
        var a = new RecordStore("test", 5, 1_000_000, Origin, TimeSpan.FromSeconds(1), 10_000);
        var b = new RecordStore("test", 5, 1_000_000, Origin, TimeSpan.FromSeconds(1), 10_000);
        a.Mutate(500, Origin);
        b.Mutate(500, Origin);

        a.ChangesSince(0)!.ShouldBe(b.ChangesSince(0)!);
        a.ChangesSince(0)!.Select(c => c.Kind).Distinct().Count().ShouldBe(3);
        a.Count.ShouldBeGreaterThan(1_000_000);
    }

    [Fact]
    public void ChangesSince_BeyondRetention_IsNull()
    {
        var store = new RecordStore("test", 1, 10, Origin, TimeSpan.FromSeconds(1), retention: 5);
        store.Mutate(3, Origin);
        var cursor = store.Sequence;
        store.ChangesSince(cursor)!.ShouldBeEmpty();
        store.Mutate(10, Origin);
        store.ChangesSince(cursor).ShouldBeNull();
        store.ChangesSince(store.Sequence - 5)!.Count.ShouldBe(5);
    }

    [Fact]
    public void Ids_RoundTripAndDependOnTheSeed()
    {
        var id = SandboxIds.Encode("cus_", 9, 123_456_789);
        id.Length.ShouldBe("cus_".Length + 14);
        SandboxIds.Decode("cus_", 9, id).ShouldBe(123_456_789);
        SandboxIds.Decode("cus_", 10, id).ShouldBeNull();
        SandboxIds.Encode("cus_", 10, 123_456_789).ShouldNotBe(id);
    }
}
