package io.rollout.migration;

/**
 * Remembers the first row of every key seen in a dry run with flat memory: an open-addressing table of
 * 64-bit key hashes and row numbers (12 bytes per slot, 24 MB for a million keys) instead of a map of
 * strings. Two different keys share a 64-bit hash with a probability of about 3 in 100 million for a
 * million keys; such a pair would be reported as a duplicate, and the duplicates download shows both
 * rows' keys, so a person sees it.
 */
final class KeyIndex {

    private static final long EMPTY = 0L;

    private long[] hashes;
    private int[] rows;
    private int size;

    KeyIndex() {
        this(1 << 12);
    }

    KeyIndex(int capacity) {
        int table = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        hashes = new long[table];
        rows = new int[table];
    }

    /** Records the key's first row; returns the row that had the key before, or -1 when it is new. */
    long putIfAbsent(CharSequence key, long row) {
        long hash = hash(key);
        int mask = hashes.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (hashes[slot] != EMPTY) {
            if (hashes[slot] == hash) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        rows[slot] = Math.toIntExact(row);
        if (++size * 4L > hashes.length * 3L) {
            grow();
        }
        return -1;
    }

    /** True when the key was recorded. */
    boolean contains(CharSequence key) {
        long hash = hash(key);
        int mask = hashes.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (hashes[slot] != EMPTY) {
            if (hashes[slot] == hash) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldRows = rows;
        hashes = new long[oldHashes.length * 2];
        rows = new int[oldRows.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            long hash = oldHashes[i];
            if (hash != EMPTY) {
                int slot = (int) (hash ^ (hash >>> 32)) & mask;
                while (hashes[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = hash;
                rows[slot] = oldRows[i];
            }
        }
    }

    /** FNV-1a over the UTF-16 code units, finished with the MurmurHash3 mixer; never 0. */
    static long hash(CharSequence key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1L : h;
    }

    @Override
    public String toString() {
        return "KeyIndex[" + size + " of " + hashes.length + "]";
    }
}
