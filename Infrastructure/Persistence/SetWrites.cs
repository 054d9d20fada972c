using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace SocialEnterprise.Infrastructure.Persistence;

/// <summary>
/// Writes the rows a save adds as one <c>INSERT … SELECT FROM unnest(…)</c> per table, and the rows it changes as one
/// <c>UPDATE … FROM unnest(…)</c> per table and set of changed columns, all in one round trip, instead of EF Core's
/// statement per row (its SQL text, parameters and column modifications were about 40 % of what an intake batch
/// allocated, and PostgreSQL executed each row as a statement of its own). The statements read one array per column, so
/// their text does not depend on the number of rows and is prepared once per connection.
/// What is written is what EF Core would write, read from its model: column names, value converters, defaults and
/// concurrency tokens (an update that finds a row changed meanwhile fails as EF Core's would). Rows this cannot write as
/// EF Core would — a key the database generates, an owned or inherited type, a column of an unsupported type — are left
/// to EF Core, and so is the whole save if such a row is the principal of a row written here. The rows written are
/// marked unchanged, so the save that follows writes only the rest.
/// </summary>
internal static partial class SetWrites
{
    private static readonly ConcurrentDictionary<IEntityType, TablePlan?> Plans = new();

    /// <summary>Writes the added and changed rows it can; says how many. Needs an open transaction (rows are written before the save).</summary>
    public static async Task<int> WriteAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not NpgsqlTransaction transaction)
        {
            return 0;
        }

        var inserts = new Dictionary<IEntityType, List<EntityEntry>>();
        var updates = new Dictionary<string, (TablePlan Plan, IReadOnlyList<IProperty> Changed, List<EntityEntry> Rows)>();
        var leftToEf = new HashSet<IEntityType>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Deleted)
            {
                // EF Core deletes before it inserts (a key freed for a new row): written ahead of it, an insert could collide.
                return 0;
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var plan = Plans.GetOrAdd(entry.Metadata, type => TablePlan.For(type, db));
            if (entry.State == EntityState.Added)
            {
                if (plan is not null && plan.CanInsert(entry))
                {
                    (inserts.TryGetValue(entry.Metadata, out var rows) ? rows : inserts[entry.Metadata] = []).Add(entry);
                }
                else
                {
                    leftToEf.Add(entry.Metadata);
                }
            }
            else if (plan?.Changed(entry) is { } changed)
            {
                var signature = $"{entry.Metadata.Name}:{string.Join(',', changed.Select(p => p.Name))}";
                (updates.TryGetValue(signature, out var group) ? group : updates[signature] = (plan, changed, [])).Rows.Add(entry);
            }
        }

        if (inserts.Count + updates.Count == 0 || InsertOrder(inserts.Keys, leftToEf) is not { } order)
        {
            return 0;
        }

        // An update may point at a row EF Core inserts later: such updates are EF Core's too.
        var groups = updates.Values.Where(group => !group.Plan.Principals.Overlaps(leftToEf)).ToList();
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        var written = new List<(NpgsqlBatchCommand Command, IReadOnlyList<EntityEntry> Rows)>();
        foreach (var type in order)
        {
            written.Add((Plans[type]!.Insert(inserts[type]), inserts[type]));
        }

        foreach (var (plan, changed, rows) in groups)
        {
            written.Add((plan.Update(changed, rows), rows));
        }

        written.ForEach(write => batch.BatchCommands.Add(write.Command));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (written.FirstOrDefault(write => write.Command.RecordsAffected != write.Rows.Count) is { Command: not null } stale)
        {
            throw new DbUpdateConcurrencyException(
                $"{stale.Rows.Count} rows of {stale.Rows[0].Metadata.DisplayName()} were to be written, {stale.Command.RecordsAffected} were: some changed meanwhile.");
        }

        var count = 0;
        foreach (var (_, rows) in written)
        {
            foreach (var entry in rows)
            {
                entry.State = EntityState.Unchanged;
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Principals before dependants (a row referring to one of its own table is fine: the constraint is checked at the
    /// statement's end). Null when a row written here may depend on one left to EF Core, which would insert it only later.
    /// </summary>
    private static List<IEntityType>? InsertOrder(ICollection<IEntityType> types, HashSet<IEntityType> leftToEf)
    {
        var principals = types.ToDictionary(type => type, type => Plans[type]!.Principals);
        if (principals.Values.Any(set => set.Overlaps(leftToEf)))
        {
            return null;
        }

        var order = new List<IEntityType>(types.Count);
        var placed = new HashSet<IEntityType>();
        while (order.Count < types.Count)
        {
            var ready = types.Where(type => !placed.Contains(type) && principals[type].All(p => placed.Contains(p) || !types.Contains(p))).ToList();
            if (ready.Count == 0)
            {
                return null;
            }

            foreach (var type in ready.OrderBy(type => type.Name, StringComparer.Ordinal))
            {
                order.Add(type);
                placed.Add(type);
            }
        }

        return order;
    }

    /// <summary>How one entity type's rows are written: its table, its columns, its key and concurrency tokens.</summary>
    private sealed class TablePlan
    {
        private readonly string _table;
        private readonly IReadOnlyList<ColumnPlan> _columns;
        private readonly Dictionary<IProperty, ColumnPlan> _byProperty;
        private readonly IReadOnlyList<IProperty> _generated;
        private readonly IReadOnlyList<ColumnPlan> _key;
        private readonly IReadOnlyList<ColumnPlan> _tokens;
        private readonly ISqlGenerationHelper _sql;
        private readonly string _insert;
        private readonly ConcurrentDictionary<string, string> _updateSql = new();

        private TablePlan(IEntityType type, string table, IReadOnlyList<ColumnPlan> columns, IReadOnlyList<IProperty> generated, ISqlGenerationHelper sql)
        {
            Type = type;
            _table = table;
            _columns = columns;
            _byProperty = columns.ToDictionary(c => c.Property);
            Principals = type.GetForeignKeys().Select(key => key.PrincipalEntityType).Where(principal => principal != type).ToHashSet();
            _generated = generated;
            _sql = sql;
            _key = [.. type.FindPrimaryKey()!.Properties.Select(p => _byProperty[p])];
            _tokens = [.. columns.Where(c => c.Property.IsConcurrencyToken)];
            _insert = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) " +
                      $"SELECT {string.Join(", ", columns.Select((c, i) => c.Inserted($"t.c{i}")))} FROM {Unnest(columns.Count, "t")}";
        }

        public IEntityType Type { get; }

        /// <summary>The other entity types this one's rows refer to.</summary>
        public IReadOnlySet<IEntityType> Principals { get; }

        public static TablePlan? For(IEntityType type, DbContext db)
        {
            if (type.BaseType is not null || type.GetDirectlyDerivedTypes().Any() || type.IsOwned()
                || type.GetNavigations().Any(navigation => navigation.TargetEntityType.IsOwned()) || type.GetComplexProperties().Any()
                || type.GetTableName() is not { } table || type.FindPrimaryKey() is null)
            {
                return null;
            }

            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = new List<ColumnPlan>();
            var generated = new List<IProperty>();
            foreach (var property in type.GetProperties())
            {
                if (property.GetColumnName(store) is not { } name)
                {
                    return null;
                }

                if (property.GetComputedColumnSql(store) is not null || property.GetBeforeSaveBehavior() != PropertySaveBehavior.Save)
                {
                    // Computed by the database on every write (the search vector): not written, and not read back.
                    if (property.IsKey() || property.IsConcurrencyToken)
                    {
                        return null;
                    }

                    continue;
                }

                if (property.ValueGenerated.HasFlag(ValueGenerated.OnUpdate) || ColumnPlan.For(property, name, store) is not { } column)
                {
                    return null;
                }

                if (property.ValueGenerated != ValueGenerated.Never && column.Default is null)
                {
                    // A value the database generates when none is given (an identity key): written here only when given.
                    generated.Add(property);
                }

                columns.Add(column);
            }

            return new TablePlan(type, sql.DelimitIdentifier(table, type.GetSchema()), columns, generated, sql);
        }

        public bool CanInsert(EntityEntry entry) =>
            _generated.All(property => entry.Property(property) is { IsTemporary: false } value && !Equals(value.CurrentValue, property.Sentinel));

        /// <summary>The changed columns, in the model's order; null if EF Core must write the row (a changed key, a column not written here).</summary>
        public IReadOnlyList<IProperty>? Changed(EntityEntry entry)
        {
            var changed = new List<IProperty>();
            foreach (var property in entry.Properties)
            {
                if (!property.IsModified)
                {
                    continue;
                }

                if (property.Metadata.IsKey() || !_byProperty.ContainsKey(property.Metadata))
                {
                    return null;
                }

                changed.Add(property.Metadata);
            }

            return changed.Count == 0 ? null : changed;
        }

        public NpgsqlBatchCommand Insert(IReadOnlyList<EntityEntry> rows)
        {
            var command = new NpgsqlBatchCommand(_insert);
            foreach (var column in _columns)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = column.Array(rows, ColumnPlan.Values.Inserted) });
            }

            return command;
        }

        public NpgsqlBatchCommand Update(IReadOnlyList<IProperty> changed, IReadOnlyList<EntityEntry> rows)
        {
            var set = changed.Select(p => _byProperty[p]).ToList();
            var sql = _updateSql.GetOrAdd(string.Join(',', changed.Select(p => p.Name)), _ =>
            {
                // v.c0… the key, then the changed columns, then the tokens' values as read.
                var i = 0;
                var key = _key.Select(c => $"t.{_sql.DelimitIdentifier(c.Name)} = {c.Typed($"v.c{i++}")}").ToList();
                var assignments = set.Select(c => $"{_sql.DelimitIdentifier(c.Name)} = {c.Typed($"v.c{i++}")}").ToList();
                var tokens = _tokens.Select(c => $"t.{_sql.DelimitIdentifier(c.Name)} IS NOT DISTINCT FROM {c.Typed($"v.c{i++}")}").ToList();
                return $"UPDATE {_table} AS t SET {string.Join(", ", assignments)} FROM {Unnest(i, "v")} WHERE {string.Join(" AND ", key.Concat(tokens))}";
            });
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (column, values) in _key.Select(c => (c, ColumnPlan.Values.Current))
                         .Concat(set.Select(c => (c, ColumnPlan.Values.Current)))
                         .Concat(_tokens.Select(c => (c, ColumnPlan.Values.Original))))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = column.Array(rows, values) });
            }

            return command;
        }

        private static string Unnest(int count, string alias) =>
            $"unnest({string.Join(", ", Enumerable.Range(1, count).Select(i => $"${i}"))}) AS {alias}({string.Join(", ", Enumerable.Range(0, count).Select(i => $"c{i}"))})";
    }

    /// <summary>One column: its provider values as a typed array, or as array literals for an array column (unnest would flatten those).</summary>
    private sealed partial class ColumnPlan(
        IProperty property, string name, string storeType, Type elementType, bool literal, ValueConverter? converter, string? fallback)
    {
        public enum Values
        {
            /// <summary>As EF Core inserts them: a column left unset takes its default.</summary>
            Inserted,
            Current,
            Original,
        }

        private static readonly HashSet<Type> Supported =
        [
            typeof(string), typeof(Guid), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(double), typeof(float),
            typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly),
        ];

        public IProperty Property => property;

        public string Name => name;

        /// <summary>The SQL of the column's default, for a row that leaves it unset (as EF Core would leave it out).</summary>
        public string? Default => fallback;

        public static ColumnPlan? For(IProperty property, string name, StoreObjectIdentifier store)
        {
            var mapping = property.GetRelationalTypeMapping();
            var storeType = Facets().Replace(property.GetColumnType(store), "");
            var converter = property.GetValueConverter() ?? mapping.Converter;
            var providerType = converter?.ProviderClrType ?? property.ClrType;
            var literal = storeType.EndsWith("[]", StringComparison.Ordinal);
            var elementType = literal ? typeof(string) : Nullable.GetUnderlyingType(providerType) ?? providerType;
            if (!Supported.Contains(elementType))
            {
                return null;
            }

            string? fallback = null;
            if (property.GetDefaultValueSql(store) is { } defaultSql)
            {
                fallback = defaultSql;
            }
            else if (property.TryGetDefaultValue(store, out var defaultValue) && defaultValue is not null)
            {
                fallback = mapping.GenerateProviderValueSqlLiteral(converter is null ? defaultValue : converter.ConvertToProvider(defaultValue));
            }

            return new ColumnPlan(property, name, storeType, elementType, literal, converter, fallback);
        }

        public string Typed(string column) => $"{column}::{storeType}";

        /// <summary>The column as inserted from the unnested row: in its own type, its default where the row left it unset.</summary>
        public string Inserted(string column) => fallback is null ? Typed(column) : $"COALESCE({Typed(column)}, {fallback})";

        public Array Array(IReadOnlyList<EntityEntry> rows, Values values)
        {
            var read = new object?[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                read[i] = Value(rows[i], values);
            }

            var nullable = elementType.IsValueType && System.Array.IndexOf(read, null) >= 0;
            var array = System.Array.CreateInstance(nullable ? typeof(Nullable<>).MakeGenericType(elementType) : elementType, rows.Count);
            for (var i = 0; i < read.Length; i++)
            {
                array.SetValue(literal && read[i] is { } value ? ArrayLiteral((IEnumerable)value) : read[i], i);
            }

            return array;
        }

        /// <summary>The provider value; on insert, null where the column's default applies (as EF Core leaves such a column out).</summary>
        private object? Value(EntityEntry row, Values values)
        {
            var entry = row.Property(property);
            var value = values == Values.Original ? entry.OriginalValue : entry.CurrentValue;
            if (values == Values.Inserted && fallback is not null && (value is null || Equals(value, property.Sentinel)))
            {
                return null;
            }

            return converter is null || value is null ? value : converter.ConvertToProvider(value);
        }

        private static string ArrayLiteral(IEnumerable elements)
        {
            var literal = new StringBuilder("{");
            foreach (var element in elements)
            {
                if (literal.Length > 1)
                {
                    literal.Append(',');
                }

                if (element is null)
                {
                    literal.Append("NULL");
                    continue;
                }

                var text = Convert.ToString(element, CultureInfo.InvariantCulture) ?? "";
                literal.Append('"').Append(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
            }

            return literal.Append('}').ToString();
        }

        /// <summary>A length or precision: a cast to <c>character varying(20)</c> would cut a longer value silently, the insert refuses it.</summary>
        [GeneratedRegex(@"\([^)]*\)")]
        private static partial Regex Facets();
    }
}
