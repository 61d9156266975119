using Mooring.Connections;
using Npgsql;

namespace Mooring.Storage.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task ConnectionLock_ManyConcurrentHolders_OneAtATime()
    {
        var locks = Harness.Get<IConnectionLock>();
        var id = ConnectionId.Parse("c-lock");
        int inside = 0, maxInside = 0, entered = 0;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await using (await locks.AcquireAsync(id, Ct))
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                await Task.Yield();
                Interlocked.Increment(ref entered);
                Interlocked.Decrement(ref inside);
            }
        }, Ct)));

        maxInside.ShouldBe(1);
        entered.ShouldBe(50);
    }

    [Fact]
    public async Task ConnectionLock_OtherConnection_NotBlocked()
    {
        var locks = Harness.Get<IConnectionLock>();
        await using var first = await locks.AcquireAsync(ConnectionId.Parse("c-a"), Ct);

        var second = locks.AcquireAsync(ConnectionId.Parse("c-b"), Ct).AsTask();

        (await second.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldNotBeNull();
        await (await second).DisposeAsync();
    }

    [Fact]
    public async Task ConnectionLock_CancelledWaiter_DoesNotHoldTheLock()
    {
        var locks = Harness.Get<IConnectionLock>();
        var id = ConnectionId.Parse("c-cancel");
        var holder = await locks.AcquireAsync(id, Ct);
        using var cts = new CancellationTokenSource();

        var waiter = locks.AcquireAsync(id, cts.Token).AsTask();
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => waiter);
        await holder.DisposeAsync();

        await using var again = await locks.AcquireAsync(id, Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
        again.ShouldNotBeNull();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

public sealed class PostgresConnectionLockTests : IAsyncLifetime
{
    private Infrastructure.StoreHarness? _one;
    private Infrastructure.StoreHarness? _two;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _one = await Infrastructure.StoreHarness.PostgresAsync();
        _two = await _one.OpenSameDatabaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _two!.DisposeAsync();
        await _one!.DisposeAsync();
    }

    [Fact]
    public async Task AcquireAsync_HeldByOneInstance_ExcludesTheOtherUntilReleased()
    {
        var id = ConnectionId.Parse("c-shared");
        var held = await _one!.Get<IConnectionLock>().AcquireAsync(id, Ct);

        (await TryLockFromOutsideAsync(id.Value)).ShouldBeFalse();
        var waiting = _two!.Get<IConnectionLock>().AcquireAsync(id, Ct).AsTask();
        waiting.IsCompleted.ShouldBeFalse();
        await held.DisposeAsync();

        await using (await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct))
        {
            (await TryLockFromOutsideAsync(id.Value)).ShouldBeFalse();
        }

        (await TryLockFromOutsideAsync(id.Value)).ShouldBeTrue();
    }

    [Fact]
    public async Task AcquireAsync_TwoInstancesManyCallers_OneAtATime()
    {
        var id = ConnectionId.Parse("c-two");
        int inside = 0, maxInside = 0;
        var harnesses = new[] { _one!, _two! };

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await using (await harnesses[i % 2].Get<IConnectionLock>().AcquireAsync(id, Ct))
            {
                var now = Interlocked.Increment(ref inside);
                if (now > Volatile.Read(ref maxInside))
                {
                    Volatile.Write(ref maxInside, now);
                }

                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
        }, Ct)));

        maxInside.ShouldBe(1);
    }

    private async Task<bool> TryLockFromOutsideAsync(string id)
    {
        await using var connection = new NpgsqlConnection(_one!.PostgresConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtext(@id))", connection);
        command.Parameters.AddWithValue("id", id);
        var locked = (bool)(await command.ExecuteScalarAsync(Ct))!;
        if (locked)
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext(@id))", connection);
            unlock.Parameters.AddWithValue("id", id);
            await unlock.ExecuteScalarAsync(Ct);
        }

        return locked;
    }
}
