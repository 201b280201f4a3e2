/* Load a model and report what its analysis says about each market.
 *
 *   load-and-report MODEL.json
 *
 * For every market (one commodity in one period) the buyers' concentration
 * (monopsony side: HHI, class, largest buyer and its share), then the actors
 * whose exit would leave producers with no way to any end market.  The full
 * report, as `marketgraph analyze` prints it, is one call away:
 * mkg_report_new() and mkg_report_write_text().
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <stdio.h>

int
main(int argc, char **argv)
{
	mkg_model *model = NULL;
	mkg_concentration *conc = NULL;
	mkg_captive *captive = NULL;
	size_t chains = 0;
	int rc = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: %s MODEL.json\n", argv[0]);
		return 2;
	}
	/* Every fallible call returns MKG_OK (0) or a negative status, and
	 * leaves a message for this thread in mkg_error_message(). */
	if (mkg_json_read_file(&model, argv[1]) != MKG_OK) {
		fprintf(stderr, "%s: %s\n", argv[1], mkg_error_message());
		return 1;
	}
	printf("%s\n", mkg_model_name(model));
	printf("%zu actors, %zu transactions\n\n", mkg_model_actor_count(model),
	       mkg_model_transaction_count(model));

	/* NULL options: volumes, the 2023 US thresholds, no split by region. */
	if (mkg_concentration_new(&conc, model, NULL) != MKG_OK)
		goto fail;
	printf("Buyers' concentration by level (HHI, class, largest buyer):\n");
	for (size_t i = 0; i < mkg_concentration_market_count(conc); i++) {
		const mkg_market *mk = mkg_concentration_market_at(conc, i);
		const mkg_market_side *buyers = mkg_concentration_side(conc, i, MKG_SIDE_BUYER);
		const mkg_firm_share *top;
		if (mk->service || buyers->firms == 0)
			continue; /* services, markets without volumes, consumers only */
		top = buyers->shares;
		while (top->fringe)
			top++; /* consumers are a competitive fringe, not a buyer with power */
		printf("  %-20s %-14s %5.0f  %-20s %s %.1f%%\n", mk->commodity, mk->level,
		       buyers->hhi, mkg_concentration_class_name(buyers->concentration), top->actor,
		       100 * top->share);
	}

	/* Captive producers: those an actor's exit would cut off, in each chain
	 * (primary commodity) of the model, in its unit. */
	if (mkg_model_chain_count(model, &chains) != MKG_OK)
		goto fail;
	printf("\nActors whose exit would strand producers:\n");
	for (size_t k = 0; k < chains; k++) {
		mkg_bottlenecks_options opts = MKG_BOTTLENECKS_OPTIONS_INIT;
		const mkg_chain *chain = mkg_model_chain_at(model, k);

		opts.chain = chain->commodity;
		if (mkg_captive_new(&captive, model, &opts) != MKG_OK)
			goto fail;
		for (size_t i = 0; i < mkg_captive_count(captive); i++) {
			const mkg_captive_actor *c = mkg_captive_at(captive, i);
			mkg_actor_desc actor = MKG_ACTOR_DESC_INIT;
			size_t a;
			if (mkg_model_find_actor(model, c->actor, &a) == MKG_OK &&
			    mkg_model_actor_at(model, a, &actor) == MKG_OK &&
			    actor.kind == MKG_ACTOR_END_MARKET)
				continue;
			printf("  %-22s %zu producer%s, supply %.0f %s of %s\n", c->actor,
			       c->producers, c->producers == 1 ? "" : "s", c->supply,
			       chain->unit ? chain->unit : "units", chain->commodity);
		}
		mkg_captive_free(captive);
		captive = NULL;
	}
	rc = 0;
	goto done;
fail:
	fprintf(stderr, "%s\n", mkg_error_message());
done:
	/* Results copy what they need: free them in any order. */
	mkg_captive_free(captive);
	mkg_concentration_free(conc);
	mkg_model_free(model);
	return rc;
}
