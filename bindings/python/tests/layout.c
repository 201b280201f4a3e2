/* Print the size and field offsets of every struct the Python bindings
 * mirror with ctypes, as JSON, so that test_layout.py can compare the two
 * layouts (a mismatch would make the library read or write past the end of
 * a ctypes struct).
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <stddef.h>
#include <stdio.h>

static int first_struct = 1;
static int first_field;

static void
begin(const char *name, size_t size)
{
	printf("%s\n  \"%s\": {\"size\": %zu, \"fields\": {", first_struct ? "{" : ",", name, size);
	first_struct = 0;
	first_field = 1;
}

static void
field(const char *name, size_t offset)
{
	printf("%s\"%s\": %zu", first_field ? "" : ", ", name, offset);
	first_field = 0;
}

static void
end(void)
{
	printf("}}");
}

#define BEGIN(type) begin(#type, sizeof(type))
#define FIELD(type, f) field(#f, offsetof(type, f))

int
main(void)
{
	BEGIN(mkg_actor_desc);
	FIELD(mkg_actor_desc, version);
	FIELD(mkg_actor_desc, id);
	FIELD(mkg_actor_desc, name);
	FIELD(mkg_actor_desc, kind);
	FIELD(mkg_actor_desc, region);
	FIELD(mkg_actor_desc, households);
	FIELD(mkg_actor_desc, capacity);
	FIELD(mkg_actor_desc, supply);
	FIELD(mkg_actor_desc, demand);
	FIELD(mkg_actor_desc, tags);
	FIELD(mkg_actor_desc, tag_count);
	FIELD(mkg_actor_desc, attributes);
	FIELD(mkg_actor_desc, firms);
	FIELD(mkg_actor_desc, costs);
	FIELD(mkg_actor_desc, cost_count);
	end();

	BEGIN(mkg_cost);
	FIELD(mkg_cost, item);
	FIELD(mkg_cost, amount);
	FIELD(mkg_cost, period);
	FIELD(mkg_cost, commodity);
	end();

	BEGIN(mkg_transaction_desc);
	FIELD(mkg_transaction_desc, version);
	FIELD(mkg_transaction_desc, id);
	FIELD(mkg_transaction_desc, seller);
	FIELD(mkg_transaction_desc, buyer);
	FIELD(mkg_transaction_desc, commodity);
	FIELD(mkg_transaction_desc, volume);
	FIELD(mkg_transaction_desc, value);
	FIELD(mkg_transaction_desc, period);
	FIELD(mkg_transaction_desc, contract);
	FIELD(mkg_transaction_desc, service);
	FIELD(mkg_transaction_desc, capacity);
	FIELD(mkg_transaction_desc, attributes);
	FIELD(mkg_transaction_desc, level);
	end();

	BEGIN(mkg_payment);
	FIELD(mkg_payment, actor);
	FIELD(mkg_payment, share);
	end();

	BEGIN(mkg_facilitation_desc);
	FIELD(mkg_facilitation_desc, version);
	FIELD(mkg_facilitation_desc, id);
	FIELD(mkg_facilitation_desc, facilitator);
	FIELD(mkg_facilitation_desc, type);
	FIELD(mkg_facilitation_desc, function);
	FIELD(mkg_facilitation_desc, target_actors);
	FIELD(mkg_facilitation_desc, target_actor_count);
	FIELD(mkg_facilitation_desc, target_transactions);
	FIELD(mkg_facilitation_desc, target_transaction_count);
	FIELD(mkg_facilitation_desc, start);
	FIELD(mkg_facilitation_desc, end);
	FIELD(mkg_facilitation_desc, exit);
	FIELD(mkg_facilitation_desc, successor);
	FIELD(mkg_facilitation_desc, cost);
	FIELD(mkg_facilitation_desc, paid_by);
	FIELD(mkg_facilitation_desc, paid_by_count);
	FIELD(mkg_facilitation_desc, attributes);
	FIELD(mkg_facilitation_desc, embedded);
	FIELD(mkg_facilitation_desc, embedded_count);
	FIELD(mkg_facilitation_desc, embedded_share);
	end();

	BEGIN(mkg_membership_desc);
	FIELD(mkg_membership_desc, version);
	FIELD(mkg_membership_desc, group);
	FIELD(mkg_membership_desc, member);
	FIELD(mkg_membership_desc, since);
	FIELD(mkg_membership_desc, role);
	end();

	BEGIN(mkg_commodity_desc);
	FIELD(mkg_commodity_desc, version);
	FIELD(mkg_commodity_desc, id);
	FIELD(mkg_commodity_desc, unit);
	FIELD(mkg_commodity_desc, service);
	FIELD(mkg_commodity_desc, made_from);
	FIELD(mkg_commodity_desc, input_per_unit);
	FIELD(mkg_commodity_desc, attributes);
	FIELD(mkg_commodity_desc, transfer);
	end();

	BEGIN(mkg_report_options);
	FIELD(mkg_report_options, version);
	FIELD(mkg_report_options, measure);
	FIELD(mkg_report_options, thresholds);
	FIELD(mkg_report_options, split_by_region);
	FIELD(mkg_report_options, exit_date);
	FIELD(mkg_report_options, coalition);
	FIELD(mkg_report_options, coalition_count);
	FIELD(mkg_report_options, channels);
	FIELD(mkg_report_options, levels);
	FIELD(mkg_report_options, by_tag);
	FIELD(mkg_report_options, by_tag_count);
	FIELD(mkg_report_options, detail);
	FIELD(mkg_report_options, sections);
	FIELD(mkg_report_options, top);
	FIELD(mkg_report_options, progress);
	FIELD(mkg_report_options, progress_data);
	FIELD(mkg_report_options, threads);
	end();

	BEGIN(mkg_report_html_options);
	FIELD(mkg_report_html_options, version);
	FIELD(mkg_report_html_options, model);
	FIELD(mkg_report_html_options, date);
	end();

	BEGIN(mkg_report_csv_options);
	FIELD(mkg_report_csv_options, version);
	FIELD(mkg_report_csv_options, bom);
	FIELD(mkg_report_csv_options, safe_cells);
	end();

	BEGIN(mkg_concentration_options);
	FIELD(mkg_concentration_options, version);
	FIELD(mkg_concentration_options, measure);
	FIELD(mkg_concentration_options, split_by_region);
	FIELD(mkg_concentration_options, thresholds);
	FIELD(mkg_concentration_options, custom_thresholds);
	FIELD(mkg_concentration_options, levels);
	FIELD(mkg_concentration_options, threads);
	end();

	BEGIN(mkg_coalitions_options);
	FIELD(mkg_coalitions_options, version);
	FIELD(mkg_coalitions_options, measure);
	FIELD(mkg_coalitions_options, split_by_region);
	FIELD(mkg_coalitions_options, actors);
	FIELD(mkg_coalitions_options, actor_count);
	FIELD(mkg_coalitions_options, no_groups);
	FIELD(mkg_coalitions_options, levels);
	end();

	BEGIN(mkg_dependency_options);
	FIELD(mkg_dependency_options, version);
	FIELD(mkg_dependency_options, measure);
	end();

	BEGIN(mkg_bottlenecks_options);
	FIELD(mkg_bottlenecks_options, version);
	FIELD(mkg_bottlenecks_options, sources);
	FIELD(mkg_bottlenecks_options, source_count);
	FIELD(mkg_bottlenecks_options, sinks);
	FIELD(mkg_bottlenecks_options, sink_count);
	FIELD(mkg_bottlenecks_options, pivots);
	FIELD(mkg_bottlenecks_options, seed);
	FIELD(mkg_bottlenecks_options, chain);
	FIELD(mkg_bottlenecks_options, threads);
	end();

	BEGIN(mkg_shock_options);
	FIELD(mkg_shock_options, version);
	FIELD(mkg_shock_options, remove);
	FIELD(mkg_shock_options, remove_count);
	FIELD(mkg_shock_options, sources);
	FIELD(mkg_shock_options, source_count);
	FIELD(mkg_shock_options, sinks);
	FIELD(mkg_shock_options, sink_count);
	FIELD(mkg_shock_options, chain);
	end();

	BEGIN(mkg_facilitation_mix_options);
	FIELD(mkg_facilitation_mix_options, version);
	FIELD(mkg_facilitation_mix_options, measure);
	FIELD(mkg_facilitation_mix_options, split_by_region);
	end();

	BEGIN(mkg_exit_simulation_options);
	FIELD(mkg_exit_simulation_options, version);
	FIELD(mkg_exit_simulation_options, measure);
	FIELD(mkg_exit_simulation_options, split_by_region);
	FIELD(mkg_exit_simulation_options, date);
	end();

	BEGIN(mkg_exit_readiness_options);
	FIELD(mkg_exit_readiness_options, version);
	end();

	BEGIN(mkg_competing_options);
	FIELD(mkg_competing_options, version);
	FIELD(mkg_competing_options, duplication_similarity);
	FIELD(mkg_competing_options, sample_ids);
	end();

	BEGIN(mkg_payments_options);
	FIELD(mkg_payments_options, version);
	end();

	BEGIN(mkg_value_options);
	FIELD(mkg_value_options, version);
	FIELD(mkg_value_options, by_tag);
	FIELD(mkg_value_options, by_tag_count);
	end();

	BEGIN(mkg_inclusiveness_options);
	FIELD(mkg_inclusiveness_options, version);
	end();

	BEGIN(mkg_groups_options);
	FIELD(mkg_groups_options, version);
	FIELD(mkg_groups_options, measure);
	FIELD(mkg_groups_options, split_by_region);
	FIELD(mkg_groups_options, levels);
	end();

	BEGIN(mkg_channels_options);
	FIELD(mkg_channels_options, version);
	FIELD(mkg_channels_options, chain);
	end();

	BEGIN(mkg_compare_options);
	FIELD(mkg_compare_options, version);
	FIELD(mkg_compare_options, before_period);
	FIELD(mkg_compare_options, after_period);
	FIELD(mkg_compare_options, link_threshold);
	FIELD(mkg_compare_options, thresholds);
	end();

	BEGIN(mkg_summary_options);
	FIELD(mkg_summary_options, version);
	end();

	BEGIN(mkg_dot_options);
	FIELD(mkg_dot_options, version);
	FIELD(mkg_dot_options, hide_services);
	FIELD(mkg_dot_options, hide_facilitation);
	FIELD(mkg_dot_options, hide_legend);
	FIELD(mkg_dot_options, flow);
	FIELD(mkg_dot_options, captive);
	FIELD(mkg_dot_options, coalitions);
	FIELD(mkg_dot_options, highlight);
	FIELD(mkg_dot_options, commodity);
	FIELD(mkg_dot_options, chain);
	FIELD(mkg_dot_options, collapse_by_region);
	FIELD(mkg_dot_options, top);
	FIELD(mkg_dot_options, page);
	FIELD(mkg_dot_options, page_label_points);
	end();

	BEGIN(mkg_read_options);
	FIELD(mkg_read_options, version);
	FIELD(mkg_read_options, format);
	FIELD(mkg_read_options, aggregate);
	end();

	printf("\n}\n");
	return 0;
}
