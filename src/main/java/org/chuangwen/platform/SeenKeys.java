package org.chuangwen.platform;

/**
 * The keys (身份证号, a register's row keys) seen so far in one import file, for duplicates within it: 64 bits of each
 * keyed hash in an open-addressing table, 8 bytes a row (a million rows fit in 16 MB; a set of strings would need twenty times that).
 */
public final class SeenKeys {

	private long[] table = new long[1 << 12];
	private int size;

	/** Adds the key; false when it was there already. */
	public boolean add(String hexHash) {
		long key = Long.parseUnsignedLong(hexHash.substring(0, 16), 16);
		if (key == 0) {
			key = 1; // 0 marks an empty slot
		}
		if (size * 2 >= table.length) {
			grow();
		}
		return insert(table, key);
	}

	private boolean insert(long[] into, long key) {
		int mask = into.length - 1;
		int i = (int) (key ^ (key >>> 32)) & mask;
		while (into[i] != 0) {
			if (into[i] == key) {
				return false;
			}
			i = (i + 1) & mask;
		}
		into[i] = key;
		if (into == table) {
			size++;
		}
		return true;
	}

	private void grow() {
		long[] bigger = new long[table.length * 2];
		for (long key : table) {
			if (key != 0) {
				insert(bigger, key);
			}
		}
		table = bigger;
	}
}
