/*
 * Refusal harness, CRYPTO side: sr_crypto_ioctl() and
 * sr_crypto_ioctl_internal(), cut by name out of the patched
 * sys/dev/softraid_crypto.c, with copyin()/copyout() as plain copies and a
 * sr_crypto_change_maskkey() that counts its calls.
 */
#include "crypto_inc.h"
#include "shim.h"

int	hk_maskkey;

int
copyin(const void *uaddr, void *kaddr, size_t len)
{
	memcpy(kaddr, uaddr, len);
	return (0);
}

int
copyout(const void *kaddr, void *uaddr, size_t len)
{
	memcpy(uaddr, kaddr, len);
	return (0);
}

int
sr_crypto_change_maskkey(struct sr_discipline *sd, struct sr_crypto *mdd,
    struct sr_crypto_kdfinfo *kdf1, struct sr_crypto_kdfinfo *kdf2)
{
	hk_maskkey++;
	return (0);
}

int	sr_crypto_ioctl_internal(struct sr_discipline *, struct sr_crypto *,
	    struct bioc_discipline *);
int	sr_crypto_ioctl(struct sr_discipline *, struct bioc_discipline *);

#include "crypto_ext.c"
