namespace Mooring.Redis.RateLimiting;

/// <summary>
/// The Lua scripts of <see cref="RedisBucketStore"/>, evaluated on Redis's clock (<c>TIME</c>, in microseconds) so that
/// app servers whose clocks disagree still share one count. StackExchange.Redis sends them as <c>EVALSHA</c> once the
/// server knows them: one round trip per acquire.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// KEYS: per demand its TAT key then its pause key. ARGV: per demand emission, tolerance (µs) and cost (an emission
    /// of 0 checks the pause only), then the horizon (µs). Takes every demand or none, as of the moment all conform if
    /// that is within the horizon; returns {taken (1 or 0), wait in µs}. The arithmetic is that of <c>Gcra.Evaluate</c>
    /// in Mooring.Core.
    /// </summary>
    public const string Take = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local wait = 0
        local tats = {}
        for i = 1, #KEYS / 2 do
          local paused = tonumber(redis.call('GET', KEYS[2 * i]) or '0')
          if paused - now > wait then wait = paused - now end
          local emission = tonumber(ARGV[3 * i - 2])
          if emission > 0 then
            local tolerance = tonumber(ARGV[3 * i - 1])
            local cost = tonumber(ARGV[3 * i])
            local start = math.max(tonumber(redis.call('GET', KEYS[2 * i - 1]) or '0'), now)
            local allow = math.min(start + (cost - 1) * emission - tolerance, start)
            if allow - now > wait then wait = allow - now end
            tats[i] = start
          end
        end
        wait = math.ceil(wait)
        if wait > tonumber(ARGV[#ARGV]) then return {0, wait} end
        local at = now + wait
        for i, tat in pairs(tats) do
          local nextTat = math.max(tat, at) + tonumber(ARGV[3 * i]) * tonumber(ARGV[3 * i - 2])
          redis.call('SET', KEYS[2 * i - 1], string.format('%.0f', nextTat), 'PX', math.ceil((nextTat - now) / 1000) + 1000)
        end
        return {1, wait}
        """;

    /// <summary>KEYS[1]: the pause key. ARGV[1]: the pause in µs from Redis's now; a later pause already set stays.</summary>
    public const string Pause = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local untilTime = now + tonumber(ARGV[1])
        if untilTime > tonumber(redis.call('GET', KEYS[1]) or '0') then
          redis.call('SET', KEYS[1], string.format('%.0f', untilTime), 'PX', math.ceil(tonumber(ARGV[1]) / 1000) + 1000)
        end
        return 0
        """;
}
