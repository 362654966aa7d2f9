/*
 * core-secret.c — PINs and passwords: what an account's secret may be,
 * hashing it with libsodium's Argon2id, and the lockout after wrong
 * tries; and the BLAKE2b hash that chains the audit trail's rows.  The
 * one file that includes <sodium.h>.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "i18n.h"
#include "util.h"

#define PIN_MIN		4
#define PIN_MAX		8
#define PASSWORD_MIN	10
/* Longer secrets are refused: nobody types more, and hashing a
 * megabyte of text is wasted time. */
#define SECRET_MAX	1024

_Static_assert(CORE_HASH_SIZE == crypto_pwhash_STRBYTES,
    "CORE_HASH_SIZE must be crypto_pwhash_STRBYTES");
_Static_assert(CORE_CHAIN_BYTES >= crypto_generichash_BYTES_MIN &&
    CORE_CHAIN_BYTES <= crypto_generichash_BYTES_MAX,
    "CORE_CHAIN_BYTES must be a BLAKE2b output size");

/* What the chain's hash starts with: a change of how rows are hashed
 * must change this. */
static const char chain_domain[] = "velkomst audit chain 1";

/* Start libsodium once, before its first use. */
static void
secret_init(void)
{
	static int	 ready;

	if (ready)
		return;
	if (sodium_init() < 0)
		fatal("%s", _("The password library could not start."));
	ready = 1;
}

/* The Argon2id limits of a cost. */
static void
secret_limits(enum secret_cost cost, unsigned long long *ops, size_t *mem)
{
	switch (cost) {
	case COST_MINIMUM:
		*ops = crypto_pwhash_OPSLIMIT_MIN;
		*mem = crypto_pwhash_MEMLIMIT_MIN;
		break;
	case COST_MODERATE:
		*ops = crypto_pwhash_OPSLIMIT_MODERATE;
		*mem = crypto_pwhash_MEMLIMIT_MODERATE;
		break;
	case COST_INTERACTIVE:
	default:
		*ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
		*mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
		break;
	}
}

/* Characters (UTF-8 code points) in s. */
static size_t
secret_chars(const char *s)
{
	size_t	 n;

	for (n = 0; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* NULL if secret fits role, else what is wrong (N_()). */
const char *
core_check_secret(enum role role, const char *secret)
{
	size_t	 len, i;

	if (secret == NULL || secret[0] == '\0')
		return role == ROLE_AMBASSADOR ? N_("The PIN is empty.") :
		    N_("The password is empty.");
	len = strlen(secret);
	if (role == ROLE_AMBASSADOR) {
		for (i = 0; i < len; i++)
			if (secret[i] < '0' || secret[i] > '9')
				return N_("A PIN has only digits (0-9).");
		if (len < PIN_MIN || len > PIN_MAX)
			return N_("A PIN has 4 to 8 digits.");
		return NULL;
	}
	if (len > SECRET_MAX)
		return N_("The password is too long.");
	if (secret_chars(secret) < PASSWORD_MIN)
		return N_("A password has at least 10 characters.");
	return NULL;
}

/* Hash secret at cost into out. */
int
core_secret_hash(const char *secret, enum secret_cost cost,
    char out[CORE_HASH_SIZE])
{
	unsigned long long	 ops;
	size_t			 mem;

	secret_init();
	secret_limits(cost, &ops, &mem);
	if (crypto_pwhash_str_alg(out, secret, strlen(secret), ops, mem,
	    crypto_pwhash_ALG_ARGON2ID13) != 0)
		return -1;
	return 0;
}

/* 1 if secret matches hash. */
int
core_secret_verify(const char *hash, const char *secret)
{
	if (hash == NULL || secret == NULL ||
	    strnlen(hash, CORE_HASH_SIZE) >= CORE_HASH_SIZE)
		return 0;
	secret_init();
	return crypto_pwhash_str_verify(hash, secret, strlen(secret)) == 0;
}

/* The number after key (as "m=") in the parameters p, or -1. */
static long long
secret_param(const char *p, const char *key)
{
	const char	*s;
	char		*end;
	long long	 v;

	if (strncmp(p, key, strlen(key)) != 0)
		return -1;
	s = p + strlen(key);
	if (*s < '0' || *s > '9')
		return -1;
	v = strtoll(s, &end, 10);
	if (end == s || (*end != ',' && *end != '$'))
		return -1;
	return v;
}

/* 1 if hash was made at a lower cost than cost asks (or is malformed). */
int
core_secret_needs_rehash(const char *hash, enum secret_cost cost)
{
	static const char	 prefix[] = "$argon2id$v=19$";
	unsigned long long	 ops;
	size_t			 mem;
	const char		*p;
	long long		 m, t;

	if (hash == NULL || strncmp(hash, prefix, sizeof prefix - 1) != 0)
		return 1;
	p = hash + sizeof prefix - 1;
	if ((m = secret_param(p, "m=")) < 0)
		return 1;
	if ((p = strchr(p, ',')) == NULL || (t = secret_param(p + 1, "t=")) < 0)
		return 1;
	secret_limits(cost, &ops, &mem);
	return (unsigned long long)m < mem / 1024 ||
	    (unsigned long long)t < ops;
}

/* Wipe a buffer that held a secret. */
void
core_secret_wipe(void *p, size_t len)
{
	if (p == NULL || len == 0)
		return;
	secret_init();
	sodium_memzero(p, len);
}

/* 1 if locked_until is still ahead of now. */
int
core_locked(long long locked_until, long long now)
{
	return locked_until > now;
}

/* Count a wrong secret; 1 if it locked the account. */
int
core_lockout_fail(const struct lockout *rule, int *failures,
    long long *locked_until, long long now)
{
	if (core_locked(*locked_until, now))
		return 0;
	if (*failures < 0)
		*failures = 0;
	(*failures)++;
	if (*failures < rule->max_failures)
		return 0;
	*locked_until = now + rule->lock_seconds;
	*failures = 0;
	return 1;
}

/* Add one field to the chain's hash: a NULL and "" differ, and no two
 * lists of fields give the same bytes (each is tagged and sized). */
static void
chain_field(crypto_generichash_state *st, const struct core_chain_field *f)
{
	unsigned char	 tag[9];
	unsigned long long len = f->s != NULL ? (unsigned long long)f->len : 0;
	int		 i;

	tag[0] = f->s != NULL;
	for (i = 0; i < 8; i++)
		tag[1 + i] = (unsigned char)(len >> (56 - 8 * i));
	crypto_generichash_update(st, tag, f->s != NULL ? sizeof tag : 1);
	if (f->s != NULL && len > 0)
		crypto_generichash_update(st, (const unsigned char *)f->s, len);
}

/* BLAKE2b of prev and the fields f[0..n) into out. */
void
core_chain_hash(const unsigned char prev[CORE_CHAIN_BYTES],
    const struct core_chain_field *f, size_t n,
    unsigned char out[CORE_CHAIN_BYTES])
{
	crypto_generichash_state st;
	size_t			 i;

	secret_init();
	crypto_generichash_init(&st, NULL, 0, CORE_CHAIN_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)chain_domain,
	    sizeof chain_domain);
	crypto_generichash_update(&st, prev, CORE_CHAIN_BYTES);
	for (i = 0; i < n; i++)
		chain_field(&st, &f[i]);
	crypto_generichash_final(&st, out, CORE_CHAIN_BYTES);
}

/* A chain hash as lowercase hex (CORE_CHAIN_HEX bytes with the NUL). */
char *
core_chain_hex(const unsigned char h[CORE_CHAIN_BYTES],
    char out[CORE_CHAIN_HEX])
{
	return sodium_bin2hex(out, CORE_CHAIN_HEX, h, CORE_CHAIN_BYTES);
}

/* Read len bytes of hex s into h; 0, or -1 if it is not a chain hash. */
int
core_chain_unhex(const char *s, size_t len, unsigned char h[CORE_CHAIN_BYTES])
{
	size_t	 got = 0;

	if (s == NULL || len != CORE_CHAIN_HEX - 1)
		return -1;
	secret_init();
	if (sodium_hex2bin(h, CORE_CHAIN_BYTES, s, len, NULL, &got, NULL) != 0 ||
	    got != CORE_CHAIN_BYTES)
		return -1;
	return 0;
}
