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
using Npgsql;

namespace SocialEnterprise.Infrastructure.Persistence;

/// <summary>
/// Writes the rows a save adds as one <c>INSERT … SELECT FROM unnest(…)</c> per table, every table in one round trip,
/// instead of EF Core's statement per row (its SQL text, parameters and column modifications were about 40 % of what an
/// intake batch allocated, and PostgreSQL executed each row as a statement of its own). The statements read one array
/// per column, so their text does not depend on the number of rows and is prepared once per connection.
/// What is written is what EF Core would write, read from its model: column names, value converters and defaults.
/// Rows this cannot write as EF Core would — a key the database generates, an owned or inherited type, a column of an
/// unsupported type — are left to EF Core, and so is the whole save if such a row is the principal of a row written here.
/// The rows written are marked unchanged, so the save that follows writes only the rest.
/// </summary>
internal static partial class SetInserts
{
    private static readonly ConcurrentDictionary<IEntityType, TablePlan?> Plans = new();

    /// <summary>Writes the added rows it can; says how many. Needs an open transaction (rows are written before the save).</summary>
    public static async Task<int> WriteAddedAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not NpgsqlTransaction transaction)
        {
            return 0;
        }

        var written = new Dictionary<IEntityType, List<EntityEntry>>();
        var leftToEf = new HashSet<IEntityType>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added)
            {
                continue;
            }

            var plan = Plans.GetOrAdd(entry.Metadata, type => TablePlan.For(type, db));
            if (plan is not null && plan.CanWrite(entry))
            {
                (written.TryGetValue(entry.Metadata, out var rows) ? rows : written[entry.Metadata] = []).Add(entry);
            }
            else
            {
                leftToEf.Add(entry.Metadata);
            }
        }

        var order = InsertOrder(written.Keys, leftToEf);
        if (order is null)
        {
            return 0;
        }

        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var type in order)
        {
            batch.BatchCommands.Add(Plans[type]!.Command(written[type]));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        var count = 0;
        foreach (var rows in written.Values)
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
    /// statement's end). Null when nothing can be written here: no rows, or a row written here may depend on one left to
    /// EF Core, which would insert it only later.
    /// </summary>
    private static List<IEntityType>? InsertOrder(ICollection<IEntityType> types, HashSet<IEntityType> leftToEf)
    {
        if (types.Count == 0)
        {
            return null;
        }

        var principals = types.ToDictionary(
            type => type,
            type => type.GetForeignKeys().Select(key => key.PrincipalEntityType).Where(principal => principal != type).ToHashSet());
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

    /// <summary>How one entity type's rows are written: its statement and its columns in the statement's order.</summary>
    private sealed class TablePlan(string sql, IReadOnlyList<ColumnPlan> columns, IReadOnlyList<IProperty> generated)
    {
        public static TablePlan? For(IEntityType type, DbContext db)
        {
            if (type.BaseType is not null || type.GetDirectlyDerivedTypes().Any() || type.IsOwned()
                || type.GetNavigations().Any(navigation => navigation.TargetEntityType.IsOwned()) || type.GetComplexProperties().Any()
                || type.GetTableName() is not { } table)
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

                var computed = property.GetComputedColumnSql(store) is not null
                    || property.GetBeforeSaveBehavior() != PropertySaveBehavior.Save;
                if (computed)
                {
                    // Computed by the database on every write (the search vector): not written, and not read back.
                    if (property.IsKey())
                    {
                        return null;
                    }

                    continue;
                }

                if (ColumnPlan.For(property, name, store, sql) is not { } column)
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

            var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
            var selected = string.Join(", ", columns.Select((c, i) => c.Select($"t.c{i}")));
            var arrays = string.Join(", ", columns.Select((_, i) => $"${i + 1}"));
            var aliases = string.Join(", ", columns.Select((_, i) => $"c{i}"));
            return new TablePlan(
                $"INSERT INTO {sql.DelimitIdentifier(table, type.GetSchema())} ({names}) SELECT {selected} FROM unnest({arrays}) AS t({aliases})",
                columns, generated);
        }

        public bool CanWrite(EntityEntry entry) =>
            generated.All(property => entry.Property(property.Name) is { IsTemporary: false } value && !IsDefault(value.CurrentValue, property.ClrType));

        public NpgsqlBatchCommand Command(IReadOnlyList<EntityEntry> rows)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var column in columns)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = column.Array(rows) });
            }

            return command;
        }

        private static bool IsDefault(object? value, Type type) =>
            value is null || (type.IsValueType && value.Equals(Activator.CreateInstance(type)));
    }

    /// <summary>One column: its provider values as a typed array, or as array literals for an array column (unnest would flatten those).</summary>
    private sealed partial class ColumnPlan(IProperty property, string name, string storeType, Type elementType, bool literal, string? fallback)
    {
        private static readonly HashSet<Type> Supported =
        [
            typeof(string), typeof(Guid), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(double), typeof(float),
            typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly),
        ];

        public string Name => name;

        /// <summary>The SQL of the column's default, for a row that leaves it unset (as EF Core would leave it out).</summary>
        public string? Default => fallback;

        public static ColumnPlan? For(IProperty property, string name, StoreObjectIdentifier store, ISqlGenerationHelper sql)
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

            return new ColumnPlan(property, name, storeType, elementType, literal, fallback);
        }

        /// <summary>The column as selected from the unnested row: in its own type, its default where the row left it unset.</summary>
        public string Select(string column)
        {
            var typed = $"{column}::{storeType}";
            return fallback is null ? typed : $"COALESCE({typed}, {fallback})";
        }

        public Array Array(IReadOnlyList<EntityEntry> rows)
        {
            var nullable = elementType.IsValueType && rows.Any(row => Value(row) is null);
            var array = System.Array.CreateInstance(nullable ? typeof(Nullable<>).MakeGenericType(elementType) : elementType, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var value = Value(rows[i]);
                array.SetValue(literal && value is not null ? ArrayLiteral((IEnumerable)value) : value, i);
            }

            return array;
        }

        /// <summary>The provider value, or null where the column's default applies (as EF Core leaves such a column out).</summary>
        private object? Value(EntityEntry row)
        {
            var value = row.Property(property.Name).CurrentValue;
            if (fallback is not null && (value is null || Equals(value, property.Sentinel)))
            {
                return null;
            }

            var converter = property.GetValueConverter() ?? property.GetRelationalTypeMapping().Converter;
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
