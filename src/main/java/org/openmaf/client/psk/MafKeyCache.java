package org.openmaf.client.psk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openmaf.client.MafClientException;
import org.openmaf.client.RetrievedKey;
import org.openmaf.wire.KeyIdentifier;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Keys retrieved from the MAF by a relying CSE, kept until their expirationTime and never beyond: TS-0003 8.2.2.3 sets
 * the Kc Lifetime to the expirationTime the MAF returned, and assigning it is the MAF's responsibility (NOTE 4). Caching
 * spares the MAF one Key Retrieval (8.8.2.8) per PSK handshake.
 * <ul>
 * <li>Each entry expires exactly at its key's expirationTime (a Caffeine {@link Expiry}); an expired key is fetched
 * again, because the source may have extended it (MAF Key Registration Update, 8.8.2.9). Expired keys are wiped.</li>
 * <li>At most {@link Settings#maximumSize()} entries, so a flood of handshakes with distinct identities cannot grow the
 * heap without bound.</li>
 * <li>Identities the MAF refused (an HTTP 4xx answer such as 4004 or 4103) or whose key has no lifetime left are
 * remembered for {@link Settings#unknownKeyTtl()}, so repeated handshakes with one unknown identity do not each cost a
 * Key Retrieval. Local and transport failures (MAF unreachable, timeouts) are not cached: the next handshake retries.</li>
 * <li>One Key Retrieval per identity however many handshakes wait for it: concurrent lookups share one in-flight load
 * (an {@link AsyncLoadingCache}), including its failure.</li>
 * </ul>
 * The {@link Clock} is the cache's only time source (it also drives Caffeine's {@link Ticker}), because expirationTime is
 * wall-clock time; each lookup also re-checks the lifetime against it, so a wall-clock step can never make the cache
 * hand out a key past its expirationTime.
 */
public final class MafKeyCache {

    private static final Logger LOG = Logger.getLogger(MafKeyCache.class.getName());

    /** Bound on how long one handshake waits for a Key Retrieval; the MAF client's own timeout is shorter. */
    private static final Duration LOAD_WAIT = Duration.ofSeconds(60);

    /**
     * @param maximumSize   entries kept at most (known keys and remembered refusals together)
     * @param unknownKeyTtl how long a refused identity is answered from the cache without asking the MAF
     */
    public record Settings(long maximumSize, Duration unknownKeyTtl) {

        public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
        public static final Duration DEFAULT_UNKNOWN_KEY_TTL = Duration.ofSeconds(5);
        public static final Settings DEFAULTS = new Settings(DEFAULT_MAXIMUM_SIZE, DEFAULT_UNKNOWN_KEY_TTL);

        public Settings {
            if (maximumSize < 1) {
                throw new IllegalArgumentException("the key cache needs room for at least one key, got " + maximumSize);
            }
            Objects.requireNonNull(unknownKeyTtl, "unknownKeyTtl");
            if (unknownKeyTtl.isNegative()) {
                throw new IllegalArgumentException("unknownKeyTtl must not be negative: " + unknownKeyTtl);
            }
        }
    }

    /**
     * What the cache remembers for one identity: the key, or that the MAF would not give it, until {@link #forgottenAt()}.
     * The instant is fixed when the MAF answers, because Caffeine records a loaded entry (and computes its expiry) after
     * it has released the waiting handshakes, when the clock may have moved on.
     */
    private sealed interface Entry {
        Instant forgottenAt();
    }

    /** Held until the key's expirationTime, its Kc Lifetime (TS-0003 8.2.2.3). */
    private record Known(RetrievedKey key) implements Entry {
        @Override
        public Instant forgottenAt() {
            return key.expirationTime();
        }
    }

    private record Refused(String reason, Instant forgottenAt) implements Entry {
    }

    /** The MAF could not be asked; shared by the handshakes that waited for this load, then forgotten at once. */
    private record Unreachable(String reason) implements Entry {
        @Override
        public Instant forgottenAt() {
            return Instant.EPOCH;
        }
    }

    /** An entry expires at its {@link Entry#forgottenAt()}, measured on the cache's ticker, whenever Caffeine records it. */
    private static final class UntilForgotten implements Expiry<KeyIdentifier, Entry> {
        @Override
        public long expireAfterCreate(KeyIdentifier id, Entry entry, long currentTime) {
            return Math.max(0, nanosSinceEpoch(entry.forgottenAt()) - currentTime);
        }

        @Override
        public long expireAfterUpdate(KeyIdentifier id, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(id, entry, currentTime);
        }

        @Override
        public long expireAfterRead(KeyIdentifier id, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    private static final long LAST_NANO_SECOND = Long.MAX_VALUE / 1_000_000_000L;

    private final Clock clock;
    private final Duration unknownKeyTtl;
    private final AsyncLoadingCache<KeyIdentifier, Entry> entries;

    public MafKeyCache(KeySource source, Clock clock) {
        this(source, clock, Settings.DEFAULTS);
    }

    public MafKeyCache(KeySource source, Clock clock, Settings settings) {
        this(source, clock, settings, MafKeyCache::onVirtualThread);
    }

    /** {@code executor} runs Key Retrievals and cache maintenance; tests may pass a same-thread or counting one. */
    MafKeyCache(KeySource source, Clock clock, Settings settings, Executor executor) {
        Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.unknownKeyTtl = settings.unknownKeyTtl();
        this.entries = Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .ticker(ticker(clock))
                .expireAfter(new UntilForgotten())
                // Without a scheduler an expired entry would stay in memory until the next cache activity.
                .scheduler(Scheduler.systemScheduler())
                .executor(executor)
                .removalListener((KeyIdentifier id, Entry entry, RemovalCause cause) -> {
                    // Only once the lifetime is over: a key evicted for size may still be in a running handshake's hands.
                    if (entry instanceof Known known && !isValid(known.key(), clock.instant())) {
                        known.key().destroy();
                    }
                })
                .buildAsync((KeyIdentifier id) -> load(source, id));
    }

    /** A key valid now, from the cache or the MAF; empty if the MAF refused it, it has expired, or the MAF was unreachable. */
    public Optional<RetrievedKey> lookup(KeyIdentifier identifier) {
        KeyIdentifier id = normalized(identifier);
        for (int attempt = 0; attempt < 2; attempt++) {
            CompletableFuture<Entry> pending = entries.get(id);
            // a refusal this handshake waited for is the MAF's answer now; one found in the cache holds only until forgottenAt
            boolean answeredNow = attempt > 0 || !pending.isDone();
            Entry entry;
            try {
                entry = pending.get(LOAD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                // load() turns every exception into an entry, so only an Error gets here
                LOG.log(Level.WARNING, "MAF Key Retrieval for " + id + " failed", e.getCause());
                return Optional.empty();
            } catch (TimeoutException e) {
                LOG.log(Level.INFO, "MAF Key Retrieval for {0} took longer than {1}", new Object[] {id, LOAD_WAIT});
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            switch (entry) {
                case Refused refused when answeredNow || clock.instant().isBefore(refused.forgottenAt()) -> {
                    LOG.log(Level.FINE, "{0} refused: {1}", new Object[] {id, refused.reason()});
                    return Optional.empty();
                }
                case Unreachable unreachable -> {
                    LOG.log(Level.INFO, "MAF Key Retrieval for {0} failed: {1}", new Object[] {id, unreachable.reason()});
                    return Optional.empty();
                }
                case Known known when isValid(known.key(), clock.instant()) -> {
                    return Optional.of(known.key());
                }
                // the wall clock moved past the entry's time before Caffeine expired it: ask the MAF again
                case Refused stale -> entries.synchronous().asMap().remove(id, stale);
                case Known stale -> entries.synchronous().asMap().remove(id, stale);
            }
        }
        return Optional.empty();
    }

    /** Entries held now (known keys and remembered refusals), after pending maintenance. */
    long size() {
        entries.synchronous().cleanUp();
        return entries.synchronous().estimatedSize();
    }

    private Entry load(KeySource source, KeyIdentifier id) {
        RetrievedKey fetched;
        try {
            fetched = source.retrieve(id);
        } catch (MafClientException e) {
            if (e.httpStatus() >= 400 && e.httpStatus() < 500) {
                // a refusal is the MAF's answer about this identity; remember it briefly
                return refused("RSC " + e.rsc() + " (HTTP " + e.httpStatus() + ")");
            }
            return new Unreachable(e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Unreachable(String.valueOf(e.getMessage()));
        }
        if (fetched == null || !isValid(fetched, clock.instant())) {
            LOG.log(Level.INFO, "key {0} from the MAF has no lifetime left", id);
            return refused("no lifetime left");
        }
        return new Known(fetched);
    }

    private Refused refused(String reason) {
        return new Refused(reason, clock.instant().plus(unknownKeyTtl));
    }

    /** A key without an expirationTime has no Kc Lifetime (TS-0003 8.2.2.3) and is not used. */
    private static boolean isValid(RetrievedKey key, Instant now) {
        return key.expirationTime() != null && now.isBefore(key.expirationTime());
    }

    /** The MAF-FQDN is case-insensitive (TS-0003 10.3.5), so one key is one entry whatever case the peer sent. */
    private static KeyIdentifier normalized(KeyIdentifier identifier) {
        return new KeyIdentifier(identifier.relativeKeyId(), identifier.mafFqdn().toLowerCase(Locale.ROOT));
    }

    /** Caffeine measures entry ages on this, so an entry's expiry and {@link Entry#forgottenAt()} use one time scale. */
    private static Ticker ticker(Clock clock) {
        return () -> nanosSinceEpoch(clock.instant());
    }

    /** Nanoseconds since the epoch fit a long until the year 2262; later instants (far expirationTimes) saturate. */
    private static long nanosSinceEpoch(Instant instant) {
        long seconds = Math.clamp(instant.getEpochSecond(), 0, LAST_NANO_SECOND);
        return TimeUnit.SECONDS.toNanos(seconds) + (seconds == LAST_NANO_SECOND ? 0 : instant.getNano());
    }

    /** Key Retrievals block on the network; a virtual thread each keeps handshake threads and the common pool free. */
    private static void onVirtualThread(Runnable task) {
        Thread.ofVirtual().name("maf-key-retrieval").start(task);
    }
}
